package org.publicservice.procurement.tender;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.planning.ProcurementMethod;
import org.publicservice.procurement.purchase.ProcurementTime;

/**
 * The statutory periods and limits of a tender, per procurement method (domain.md 1.2, 1.3). Day counting: the
 * start day is not counted, a deadline on a non-working day moves to the next working day (87号令第八十五条).
 */
final class TenderRules {

  /** Open tender: at least 20 days from the first issue of the documents to the bid deadline (政府采购法第三十五条). */
  static final int OPEN_TENDER_MIN_DAYS = 20;
  /** Consultation: at least 10 days (214号第十条, secondary source). */
  static final int CONSULTATION_MIN_DAYS = 10;
  /** Negotiation: at least 3 working days (74号令第二十九条). */
  static final int NEGOTIATION_MIN_WORKING_DAYS = 3;
  /** The documents are available at least 5 working days (实施条例第三十一条; 87号令第十八条; 214号第十条). */
  static final int DOCUMENTS_MIN_WORKING_DAYS = 5;
  /** A clarification at least 15 days before the deadline, else the deadline moves (实施条例第三十一条; 87号令第二十七条). */
  static final int OPEN_TENDER_CLARIFICATION_DAYS = 15;
  /** Consultation: 5 days (214号第十条, secondary source). */
  static final int CONSULTATION_CLARIFICATION_DAYS = 5;
  /** Negotiation: 3 working days (74号令第二十九条). */
  static final int NEGOTIATION_CLARIFICATION_WORKING_DAYS = 3;
  /** Bid bond at most 2% of the budget (实施条例第三十三条; 74号令第十四条). */
  static final int MAX_BOND_PERCENT = 2;

  private TenderRules() {
  }

  static ProcurementMethod method(String code) {
    try {
      return ProcurementMethod.valueOf(code);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalStateException("The tender stage does not run procurement method " + code);
    }
  }

  /** Bids needed for an opening: 3 in open tender (87号令第四十一条), 2 for services otherwise (财库〔2015〕124号). */
  static int minimumBids(ProcurementMethod method) {
    return method == ProcurementMethod.OPEN_TENDER ? 3 : 2;
  }

  /** The earliest bid deadline date for documents issued on {@code issued}, with the rule's words. */
  static LocalDate earliestDeadline(ProcurementMethod method, LocalDate issued, WorkingDayCalendar calendar) {
    return switch (method) {
      case OPEN_TENDER -> issued.plusDays(OPEN_TENDER_MIN_DAYS);
      case COMPETITIVE_CONSULTATION -> issued.plusDays(CONSULTATION_MIN_DAYS);
      case COMPETITIVE_NEGOTIATION -> calendar.addWorkingDays(issued, NEGOTIATION_MIN_WORKING_DAYS);
      case SINGLE_SOURCE -> throw new IllegalStateException("single source has no bid deadline");
    };
  }

  static String minimumPeriodText(ProcurementMethod method) {
    return switch (method) {
      case OPEN_TENDER -> "公开招标自招标文件开始发出之日起至投标截止之日止不得少于20日（政府采购法第三十五条）";
      case COMPETITIVE_CONSULTATION -> "竞争性磋商自磋商文件开始发出之日起至提交响应文件截止之日止不得少于10日（财库〔2014〕214号第十条）";
      case COMPETITIVE_NEGOTIATION -> "竞争性谈判自谈判文件发出之日起至提交响应文件截止之日止不得少于3个工作日（74号令第二十九条）";
      case SINGLE_SOURCE -> "";
    };
  }

  /** Whether the documents' availability (5 working days from issue) ends before the deadline's date. */
  static boolean documentsAvailableLongEnough(ProcurementMethod method, LocalDate issued, LocalDate deadline,
      WorkingDayCalendar calendar) {
    return method == ProcurementMethod.COMPETITIVE_NEGOTIATION
        || deadline.isAfter(calendar.addWorkingDays(issued, DOCUMENTS_MIN_WORKING_DAYS));
  }

  /**
   * The bid deadline after a clarification or amendment published at {@code now}: unchanged when enough time
   * remains, else moved so that the statutory time remains, to a working day, at the same time of day.
   */
  static OffsetDateTime deadlineAfterClarification(ProcurementMethod method, OffsetDateTime now,
      OffsetDateTime deadline, WorkingDayCalendar calendar) {
    LocalDate published = now.atZoneSameInstant(ProcurementTime.ZONE).toLocalDate();
    LocalDate earliest = switch (method) {
      case OPEN_TENDER -> calendar.addCalendarDays(published, OPEN_TENDER_CLARIFICATION_DAYS);
      case COMPETITIVE_CONSULTATION -> calendar.addCalendarDays(published, CONSULTATION_CLARIFICATION_DAYS);
      case COMPETITIVE_NEGOTIATION -> calendar.addWorkingDays(published, NEGOTIATION_CLARIFICATION_WORKING_DAYS);
      case SINGLE_SOURCE -> throw new IllegalStateException("single source has no bid deadline");
    };
    OffsetDateTime current = deadline.atZoneSameInstant(ProcurementTime.ZONE).toOffsetDateTime();
    if (!current.toLocalDate().isBefore(earliest)) {
      return current;
    }
    return earliest.atTime(current.toLocalTime()).atZone(ProcurementTime.ZONE).toOffsetDateTime();
  }

  static String clarificationRuleText(ProcurementMethod method) {
    return switch (method) {
      case OPEN_TENDER -> "澄清或者修改的内容可能影响投标文件编制的，应当在投标截止时间至少15日前发出，不足15日的顺延投标截止时间"
          + "（政府采购法实施条例第三十一条；87号令第二十七条）";
      case COMPETITIVE_CONSULTATION -> "澄清或者修改应当在提交首次响应文件截止时间至少5日前发出，不足5日的顺延截止时间（财库〔2014〕214号第十条）";
      case COMPETITIVE_NEGOTIATION -> "澄清或者修改应当在提交首次响应文件截止之日3个工作日前发出，不足3个工作日的顺延截止时间（74号令第二十九条）";
      case SINGLE_SOURCE -> "";
    };
  }
}
