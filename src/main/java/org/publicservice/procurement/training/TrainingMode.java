package org.publicservice.procurement.training;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Whether this node runs in training mode, how fast, and how it says so: the banner of the portal, Tasklist,
 * Cockpit and Admin ({@code /training/clock}) and the first line of every mail. Production never trains: the
 * setting is refused there at start-up, because an accelerated clock would open sealed bids and end statutory
 * periods days before their real time.
 */
@Component
public class TrainingMode {

  public static final String REFUSED_IN_PRODUCTION = "培训模式（procurement.training.enabled=true）不能在生产环境（prod）中启用："
      + "培训时钟会让法定期限和开标时间提前到来。Training mode is refused in the prod profile; remove "
      + "procurement.training.enabled or PROCUREMENT_TRAINING_ENABLED.";

  /** Minutes of a calendar week, weekend included. */
  private static final BigDecimal WEEK_MINUTES = BigDecimal.valueOf(7 * 24 * 60);
  private static final BigDecimal WORKING_DAYS_PER_WEEK = BigDecimal.valueOf(5);

  private final boolean enabled;
  private final BigDecimal minutesPerWorkingDay;
  private final double speed;

  public TrainingMode(TrainingProperties properties, Environment environment) {
    this.enabled = properties.enabled();
    this.minutesPerWorkingDay = properties.minutesPerWorkingDay();
    if (enabled && environment.acceptsProfiles(Profiles.of("prod"))) {
      throw new IllegalStateException(REFUSED_IN_PRODUCTION);
    }
    if (minutesPerWorkingDay == null || minutesPerWorkingDay.signum() <= 0
        || minutesPerWorkingDay.compareTo(WEEK_MINUTES.divide(WORKING_DAYS_PER_WEEK)) > 0) {
      throw new IllegalStateException("procurement.training.minutes-per-working-day 应大于0且不超过2016（即实时速度）："
          + minutesPerWorkingDay);
    }
    this.speed = enabled
        ? WEEK_MINUTES.divide(WORKING_DAYS_PER_WEEK.multiply(minutesPerWorkingDay), 6, RoundingMode.HALF_UP).doubleValue()
        : 1.0;
  }

  public boolean enabled() {
    return enabled;
  }

  /**
   * Engine milliseconds per real millisecond: a working week (five working days and the weekend) passes in five
   * times {@code minutes-per-working-day} real minutes, 2016 times real time at one minute per working day.
   */
  public double speed() {
    return speed;
  }

  /** {@code 1}, {@code 0.5}: as a person reads the setting. */
  public String minutesPerWorkingDayText() {
    return minutesPerWorkingDay.stripTrailingZeros().toPlainString();
  }

  /** The banner's text without the clock, e.g. {@code 培训模式：每个工作日约1分钟，法定期限均按此加速，数据仅供练习}. */
  public String notice() {
    return "培训模式：每个工作日约" + minutesPerWorkingDayText() + "分钟，法定期限均按此加速，数据仅供练习";
  }

  /** The line every mail starts with in training mode. */
  public String mailLine() {
    return "【培训模式】本邮件由培训环境发出，文中日期均为培训时钟时间（每个工作日约" + minutesPerWorkingDayText()
        + "分钟），不产生任何实际效力。";
  }

  /** The training clock's time as the banner shows it: {@code 2027-01-15 10:32}. */
  public String clockText() {
    return ProcurementTime.MINUTE.format(ProcurementTime.now());
  }
}
