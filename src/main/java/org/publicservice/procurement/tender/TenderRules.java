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

  /**
   * Open and invited tender: at least 20 days from the first issue of the documents to the bid deadline (政府采购法
   * 第三十五条: 货物和服务项目实行招标方式采购的).
   */
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

  /** The fewest suppliers the method goes on with, and the provision that sets it (recorded with the purchase). */
  record Minimum(int suppliers, String basis) {
  }

  /**
   * The fewest suppliers (bids at the opening, valid bids after the review, final offers) the method allows:
   * 3 for a tender, open or invited (87号令第四十一条: no opening with fewer than 3; 政府采购法第三十六条第一项); 3 for a
   * negotiation (74号令第三十三条、第三十七条第三项), 2 only where a failed open tender had exactly two bidders or two
   * responsive bids (74号令第二十七条第二款, {@code twoAfterFailedOpenTender}); for a consultation 2, because every
   * purchase here is a purchase of services (政府购买服务项目), for which 财库〔2015〕124号 lets a consultation go on with
   * 2 suppliers that meet the requirements (secondary source; 214号 otherwise asks for 3).
   */
  static Minimum minimumSuppliers(ProcurementMethod method, boolean twoAfterFailedOpenTender) {
    return switch (method) {
      case OPEN_TENDER, INVITED_TENDER -> new Minimum(3, "投标人不足3家的不得开标，实质性响应的投标不足3家的废标（87号令第四十一条；"
          + "政府采购法第三十六条第一项）");
      case COMPETITIVE_CONSULTATION -> new Minimum(2, "政府购买服务项目采用竞争性磋商，符合要求的供应商只有2家的，采购活动可以继续进行"
          + "（财库〔2015〕124号）");
      case COMPETITIVE_NEGOTIATION -> twoAfterFailedOpenTender
          ? new Minimum(2, "公开招标中提交投标文件或者经评审实质性响应招标文件要求的供应商只有两家，经财政部门批准与该两家供应商进行"
              + "竞争性谈判（74号令第二十七条第二款）")
          : new Minimum(3, "参加谈判和提交最后报价的供应商不得少于3家（74号令第三十三条、第三十七条第三项）");
      case SINGLE_SOURCE -> throw new IllegalStateException("single source has one supplier");
    };
  }

  /** The earliest bid deadline date for documents issued on {@code issued}, with the rule's words. */
  static LocalDate earliestDeadline(ProcurementMethod method, LocalDate issued, WorkingDayCalendar calendar) {
    return switch (method) {
      case OPEN_TENDER, INVITED_TENDER -> issued.plusDays(OPEN_TENDER_MIN_DAYS);
      case COMPETITIVE_CONSULTATION -> issued.plusDays(CONSULTATION_MIN_DAYS);
      case COMPETITIVE_NEGOTIATION -> calendar.addWorkingDays(issued, NEGOTIATION_MIN_WORKING_DAYS);
      case SINGLE_SOURCE -> throw new IllegalStateException("single source has no bid deadline");
    };
  }

  static String minimumPeriodText(ProcurementMethod method) {
    return switch (method) {
      case OPEN_TENDER -> "公开招标自招标文件开始发出之日起至投标截止之日止不得少于20日（政府采购法第三十五条）";
      case INVITED_TENDER -> "邀请招标自招标文件开始发出之日起至投标截止之日止不得少于20日（政府采购法第三十五条）";
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
      case OPEN_TENDER, INVITED_TENDER -> calendar.addCalendarDays(published, OPEN_TENDER_CLARIFICATION_DAYS);
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
      case OPEN_TENDER, INVITED_TENDER -> "澄清或者修改的内容可能影响投标文件编制的，应当在投标截止时间至少15日前发出，不足15日的顺延投标截止时间"
          + "（政府采购法实施条例第三十一条；87号令第二十七条）";
      case COMPETITIVE_CONSULTATION -> "澄清或者修改应当在提交首次响应文件截止时间至少5日前发出，不足5日的顺延截止时间（财库〔2014〕214号第十条）";
      case COMPETITIVE_NEGOTIATION -> "澄清或者修改应当在提交首次响应文件截止之日3个工作日前发出，不足3个工作日的顺延截止时间（74号令第二十九条）";
      case SINGLE_SOURCE -> "";
    };
  }
}
