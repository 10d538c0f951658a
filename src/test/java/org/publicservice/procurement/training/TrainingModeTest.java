package org.publicservice.procurement.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.mock.env.MockEnvironment;

/**
 * The training mode's settings: how fast the clock runs for a given number of minutes per working day, what every
 * mail and page says, that the prod profile refuses it, and that people's own periods keep their real length.
 */
class TrainingModeTest {

  @AfterEach
  void realTime() {
    ProcurementTime.runAt(1.0);
  }

  @Test
  void oneMinutePerWorkingDayRunsAWorkingWeekWithItsWeekendInFiveMinutes() {
    TrainingMode mode = new TrainingMode(new TrainingProperties(true, BigDecimal.ONE), new MockEnvironment());
    assertThat(mode.speed()).isEqualTo(2016.0);
    assertThat(new TrainingMode(new TrainingProperties(true, new BigDecimal("0.5")), new MockEnvironment()).speed())
        .isEqualTo(4032.0);
    assertThat(new TrainingMode(new TrainingProperties(false, BigDecimal.ONE), new MockEnvironment()).speed())
        .isEqualTo(1.0);
    assertThat(mode.notice()).isEqualTo("培训模式：每个工作日约1分钟，法定期限均按此加速，数据仅供练习");
    assertThat(mode.mailLine()).startsWith("【培训模式】").contains("培训时钟", "每个工作日约1分钟");
  }

  @Test
  void theProdProfileRefusesTrainingModeAndAnImpossibleSpeedIsRefusedEverywhere() {
    MockEnvironment production = new MockEnvironment();
    production.setActiveProfiles("prod");
    assertThatThrownBy(() -> new TrainingMode(new TrainingProperties(true, BigDecimal.ONE), production))
        .isInstanceOf(IllegalStateException.class).hasMessage(TrainingMode.REFUSED_IN_PRODUCTION);
    assertThat(new TrainingMode(new TrainingProperties(false, BigDecimal.ONE), production).enabled()).isFalse();
    assertThatThrownBy(() -> new TrainingMode(new TrainingProperties(true, BigDecimal.ZERO), new MockEnvironment()))
        .hasMessageContaining("minutes-per-working-day");
    assertThatThrownBy(() -> new TrainingMode(new TrainingProperties(true, new BigDecimal("3000")),
        new MockEnvironment())).hasMessageContaining("minutes-per-working-day");
  }

  @Test
  void aPersonsPeriodLastsAsLongInRealTimeUnderTheFasterClock() {
    assertThat(ProcurementTime.forPeople(Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(30));
    ProcurementTime.runAt(2016.0);
    assertThat(ProcurementTime.forPeople(Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(30 * 2016));
    assertThatThrownBy(() -> ProcurementTime.runAt(0.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
