package org.publicservice.procurement.purchase;

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

  private ProcurementTime() {
  }

  public static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate();
  }

  /** The engine clock's time, at Beijing's offset. */
  public static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toOffsetDateTime();
  }
}
