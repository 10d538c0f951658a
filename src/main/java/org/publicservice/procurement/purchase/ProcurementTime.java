package org.publicservice.procurement.purchase;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The procedure's notion of "now": China Standard Time, read from the engine clock so that tests which move the
 * clock move every deadline with it; and the two ways users read a date, in Beijing time and 24-hour clock.
 *
 * <p>The formatters carry the zone: an {@code Instant}, {@code OffsetDateTime} or {@code ZonedDateTime} is shown
 * as Beijing time whatever its own offset (a {@code java.util.Date} goes through {@code toInstant()}).
 */
public final class ProcurementTime {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** {@code 2027-01-01}: pages, forms and lists. */
  public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZONE);
  /** {@code 2027-01-01 09:30}: pages, forms and lists. */
  public static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
  /** {@code 2027-01-01 09:30:05}: receipts. */
  public static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);
  /** {@code 2027年1月1日}: notices and mails. */
  public static final DateTimeFormatter DAY_IN_WORDS = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ZONE);
  /** {@code 2027年1月1日 09:30}: notices and mails. */
  public static final DateTimeFormatter MINUTE_IN_WORDS =
      DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(ZONE);
  /** {@code 2027年1月1日 09:30:05}: bid receipts. */
  public static final DateTimeFormatter SECOND_IN_WORDS =
      DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss").withZone(ZONE);

  /** {@code 2027-01-01 09:30（北京时间）}, or nothing for no time: the organisations' portal pages. */
  public static String minuteInBeijing(OffsetDateTime time) {
    return time == null ? "" : MINUTE.format(time) + "（北京时间）";
  }

  /** Engine-clock milliseconds per real millisecond: 1, faster only while the training clock runs. */
  private static volatile double speed = 1.0;

  private ProcurementTime() {
  }

  public static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate();
  }

  /** The engine clock's time, at Beijing's offset. */
  public static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toOffsetDateTime();
  }

  /**
   * How many milliseconds of the engine clock pass in one real millisecond: 1, except while the training mode's
   * accelerated clock runs (training/TrainingClock), in which every statutory period passes in minutes.
   */
  public static double speed() {
    return speed;
  }

  /** Set by the training clock when it starts (its speed) and stops (1). */
  public static void runAt(double enginePerRealMillisecond) {
    if (!(enginePerRealMillisecond >= 1.0)) {
      throw new IllegalArgumentException("The engine clock cannot run slower than real time: " + enginePerRealMillisecond);
    }
    speed = enginePerRealMillisecond;
  }

  /**
   * A period given to a person at a keyboard (a mailed code's validity, a page token's age, a login pause), as a
   * length on the engine clock: unchanged normally, lengthened by the training clock's speed so that the person
   * still has as much real time. Statutory periods are never converted: they run on the engine clock by design.
   */
  public static Duration forPeople(Duration realTime) {
    double current = speed;
    return current == 1.0 ? realTime : Duration.ofMillis(Math.round(realTime.toMillis() * current));
  }
}
