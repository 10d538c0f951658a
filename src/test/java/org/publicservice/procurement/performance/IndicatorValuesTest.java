package org.publicservice.procurement.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.purchase.FormList;
import org.publicservice.procurement.purchase.SubmissionRejectedException;

/**
 * A progress report states each value (a row of its table) as the request stated its target: a number, a
 * percentage or "20000人次".
 */
class IndicatorValuesTest {

  private static final List<Map<String, Object>> TARGETS = List.of(
      Map.of("name", "服务对象满意度", "target", "90%"),
      Map.of("name", "上门服务人次", "target", "76800人次"),
      Map.of("name", "志愿者人数", "target", "20"));

  @Test
  void aValueWithTheTargetsUnitIsAccepted() {
    assertThat(IndicatorValues.read(reached("92%", "20,000 人次", "12名"), TARGETS))
        .extracting(v -> v.get("reached")).containsExactly("92%", "20000人次", "12名");
    assertThat(IndicatorValues.read(reached("92%", "20000", "12"), TARGETS))
        .extracting(v -> v.get("reached")).containsExactly("92%", "20000", "12");
  }

  @Test
  void anotherUnitThanTheTargetsIsRefusedWithTheUnitToUse() {
    assertThatThrownBy(() -> IndicatorValues.read(reached("92%", "20000次", "12"), TARGETS))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessage("指标“上门服务人次”：目标是“76800人次”，达到值的单位应为“人次”（如 20000人次），或只填数字。");
    assertThatThrownBy(() -> IndicatorValues.read(reached("92%", "约两万人次", "12"), TARGETS))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("不是数字或百分比");
  }

  /** The report's table as Tasklist submits it, one value per indicator. */
  private static FormList reached(String... values) {
    return FormList.of(Arrays.stream(values).map(v -> Map.<String, Object>of(PerformanceVariables.REACHED, v))
        .toList(), PerformanceVariables.INDICATOR_RESULTS, "指标达到值");
  }
}
