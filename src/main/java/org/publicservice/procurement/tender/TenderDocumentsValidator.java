package org.publicservice.procurement.tender;

import static org.publicservice.procurement.planning.PlanningVariables.BUDGET;
import static org.publicservice.procurement.planning.PlanningVariables.PROCUREMENT_METHOD;
import static org.publicservice.procurement.purchase.FormRules.reject;
import static org.publicservice.procurement.purchase.ProcurementTime.DAY_IN_WORDS;
import static org.publicservice.procurement.purchase.ProcurementTime.MINUTE_IN_WORDS;
import static org.publicservice.procurement.tender.TenderVariables.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.purchase.FormList;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.planning.ProcurementMethod;
import org.springframework.stereotype.Component;

/**
 * The tender documents the department prepares, checked against the statutory limits before anything is
 * published: the minimum period to the bid deadline (政府采购法第三十五条; 214号第十条; 74号令第二十九条), the documents'
 * availability of 5 working days (实施条例第三十一条; 87号令第十八条), the price weight of services under 综合评分法 (87号令
 * 第五十五条: at least 10%; 竞争性磋商 10%-30%, 214号第二十四条), the criteria and price weight adding up to 100 points, and
 * the bid bond of at most 2% of the budget (实施条例第三十三条). Sets the stage's OUT variables of the documents.
 */
@Component
public class TenderDocumentsValidator implements TaskListener {

  /** The most scoring criteria a tender may set besides the price; the review scores as many as are set. */
  public static final int MAX_CRITERIA = 20;
  public static final int MAX_CRITERION_NAME = 100;
  static final int SCORE_DECIMALS = 2;
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final WorkingDayCalendar calendar;
  private final IntentionPeriod intentionPeriod;

  public TenderDocumentsValidator(WorkingDayCalendar calendar, IntentionPeriod intentionPeriod) {
    this.calendar = calendar;
    this.intentionPeriod = intentionPeriod;
  }

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    ProcurementMethod method = TenderRules.method((String) task.getVariable(PROCUREMENT_METHOD));
    BigDecimal budget = form.requiredAmount(BUDGET, "采购预算");
    form.requiredText(QUALIFICATION_REQUIREMENTS, "供应商资格要求", 4000);

    String evaluation = form.requiredChoice(EVALUATION_METHOD, "评审方法", Set.of(COMPREHENSIVE, LOWEST_PRICE));
    // 87号令第六十八条: how equal results are decided, if the documents say; otherwise by lot (review.Ranking)
    String ties = form.optionalText(TIE_BREAK_RULE);
    if (ties != null && !Set.of("LOT", "FIRST_CRITERION").contains(ties)) {
      throw reject(TIE_BREAK_RULE, "评审结果并列时的确定方式无效。");
    }
    if ("FIRST_CRITERION".equals(ties) && LOWEST_PRICE.equals(evaluation)) {
      throw reject(TIE_BREAK_RULE, "最低评标价法没有评审因素得分，并列时只能随机抽取确定。");
    }
    List<Map<String, Object>> criteria = List.of();
    if (LOWEST_PRICE.equals(evaluation)) {
      if (method == ProcurementMethod.COMPETITIVE_CONSULTATION) {
        throw reject(EVALUATION_METHOD, "竞争性磋商应采用综合评分法（财库〔2014〕214号第二十三条）。");
      }
      task.setVariable(PRICE_WEIGHT, 0L);
    } else {
      if (method == ProcurementMethod.COMPETITIVE_NEGOTIATION) {
        throw reject(EVALUATION_METHOD, "竞争性谈判按最低报价确定成交供应商，应选择最低评标价法（74号令第三十五条）。");
      }
      BigDecimal priceWeight = form.requiredAmount(PRICE_WEIGHT, "价格分值");
      if (priceWeight.compareTo(BigDecimal.TEN) < 0) {
        throw reject(PRICE_WEIGHT, "服务项目采用综合评分法的，价格分值不得低于总分的10%（87号令第五十五条）。");
      }
      if (method == ProcurementMethod.COMPETITIVE_CONSULTATION && priceWeight.compareTo(BigDecimal.valueOf(30)) > 0) {
        throw reject(PRICE_WEIGHT, "竞争性磋商服务项目的价格分值应为总分的10%至30%（财库〔2014〕214号第二十四条）。");
      }
      if (priceWeight.compareTo(HUNDRED) >= 0) {
        throw reject(PRICE_WEIGHT, "综合评分法除价格外还须设置其他评审因素，价格分值应小于100分。");
      }
      criteria = criteria(task);
      BigDecimal total = criteria.stream().map(c -> (BigDecimal) c.get(CRITERION_MAX_SCORE))
          .reduce(priceWeight, BigDecimal::add);
      if (total.compareTo(HUNDRED) != 0) {
        throw reject(EVALUATION_CRITERIA, "评审因素分值与价格分值合计应为100分，现为"
            + total.stripTrailingZeros().toPlainString() + "分。");
      }
    }
    task.setVariable(EVALUATION_CRITERIA, SpinValues.jsonValue(JsonValues.toJson(criteria)).create());

    LocalDate today = ProcurementTime.today();
    LocalDate deadlineDay = form.requiredDate(BID_DEADLINE_DATE, "投标截止日期");
    LocalTime deadlineTime = time(form.requiredText(BID_DEADLINE_TIME, "投标截止时间"));
    LocalDate earliest = TenderRules.earliestDeadline(method, today, calendar);
    if (deadlineDay.isBefore(earliest)) {
      throw reject(BID_DEADLINE_DATE, TenderRules.minimumPeriodText(method) + "，今天发布的，截止日期最早为"
          + DAY_IN_WORDS.format(earliest) + "。");
    }
    if (!TenderRules.documentsAvailableLongEnough(method, today, deadlineDay, calendar)) {
      throw reject(BID_DEADLINE_DATE, "招标文件的提供期限不得少于5个工作日（政府采购法实施条例第三十一条），截止日期应在"
          + DAY_IN_WORDS.format(calendar.addWorkingDays(today, TenderRules.DOCUMENTS_MIN_WORKING_DAYS)) + "之后。");
    }
    if (!calendar.isWorkingDay(deadlineDay)) {
      throw reject(BID_DEADLINE_DATE, DAY_IN_WORDS.format(deadlineDay) + "不是工作日，请将投标截止日期定在工作日。");
    }
    OffsetDateTime deadline = deadlineDay.atTime(deadlineTime).atZone(ProcurementTime.ZONE).toOffsetDateTime();

    LocalDate questionsUntil = form.requiredDate(CLARIFICATION_DEADLINE_DATE, "提问截止日期");
    if (questionsUntil.isBefore(today) || !questionsUntil.isBefore(deadlineDay)) {
      throw reject(CLARIFICATION_DEADLINE_DATE, "提问截止日期应在今天至投标截止日期前一天之间。");
    }
    OffsetDateTime clarification = questionsUntil.atTime(WorkingDayCalendar.END_OF_DAY).atZone(ProcurementTime.ZONE)
        .toOffsetDateTime();

    BigDecimal bond = form.requiredAmount(BID_BOND, "投标保证金");
    if (bond.signum() < 0) {
      throw reject(BID_BOND, "投标保证金不能为负数，不收取时填0。");
    }
    BigDecimal maxBond = budget.multiply(BigDecimal.valueOf(TenderRules.MAX_BOND_PERCENT)).divide(HUNDRED);
    if (bond.compareTo(maxBond) > 0) {
      throw reject(BID_BOND, "投标保证金不得超过采购项目预算金额的2%（政府采购法实施条例第三十三条），本项目最多为"
          + BidBox.yuan(maxBond) + "。");
    }
    task.setVariable(BID_BOND_CONVERTIBLE, bond.signum() > 0 && form.flag(BID_BOND_CONVERTIBLE));

    smePolicy(task, form);
    intentionPeriod.check(task.getExecution().getProcessBusinessKey(), today, task);

    task.setVariable(BID_DEADLINE, deadline.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    task.setVariable(BID_DEADLINE_AT, Date.from(deadline.toInstant()));
    task.setVariable(BID_DEADLINE_TEXT, MINUTE_IN_WORDS.format(deadline));
    task.setVariable(CLARIFICATION_DEADLINE, clarification.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    TenderRules.Minimum minimum = TenderRules.minimumSuppliers(method,
        method == ProcurementMethod.COMPETITIVE_NEGOTIATION && Boolean.TRUE.equals(task.getVariable(TWO_SUPPLIER_EXCEPTION)));
    task.setVariable(MINIMUM_BIDS, (long) minimum.suppliers());
    task.setVariable(MINIMUM_BIDS_BASIS, minimum.basis());
  }

  /**
   * The SME policy (财库〔2020〕46号第十二条): a reservation with its basis, required for one to social organisations
   * (财库〔2020〕46号第六条第二款第（一）项), or else the price deduction for small and micro enterprises, 10% to 20% (财库〔2022〕19号;
   * 10% when the form leaves it out, the least the rule allows).
   */
  private static void smePolicy(DelegateTask task, FormRules form) {
    String reservation = form.optionalText(SME_RESERVATION) == null ? SmePolicy.NONE
        : form.requiredChoice(SME_RESERVATION, "中小企业政策",
            Set.of(SmePolicy.NONE, SmePolicy.SME, SmePolicy.SOCIAL_ORGANISATION));
    task.setVariable(SME_RESERVATION, reservation);
    if (SmePolicy.NONE.equals(reservation)) {
      BigDecimal deduction = form.optionalText(SME_DEDUCTION) == null ? SmePolicy.MIN_DEDUCTION
          : form.requiredAmount(SME_DEDUCTION, "小微企业价格扣除比例");
      if (deduction.compareTo(SmePolicy.MIN_DEDUCTION) < 0 || deduction.compareTo(SmePolicy.MAX_DEDUCTION) > 0) {
        throw reject(SME_DEDUCTION, "服务项目对小型和微型企业的价格扣除比例应为10%至20%（财库〔2022〕19号）。");
      }
      task.setVariable(SME_DEDUCTION, deduction);
      task.setVariable(RESERVATION_BASIS, null);
      return;
    }
    task.setVariable(SME_DEDUCTION, BigDecimal.ZERO);
    if (SmePolicy.SOCIAL_ORGANISATION.equals(reservation)) {
      String basis = form.optionalText(RESERVATION_BASIS);
      if (basis != null && basis.length() > 500) {
        throw reject(RESERVATION_BASIS, "预留依据不能超过500个字。");
      }
      if (basis == null || basis.length() < 6) {
        throw reject(RESERVATION_BASIS, "专门面向社会组织采购须写明依据：要求优先或者应当面向社会组织等非企业主体采购的法律法规或国家"
            + "政策（财库〔2020〕46号第六条第二款第（一）项）。没有依据的，不得限定供应商的组织形式（政府采购法实施条例第二十条）。");
      }
    }
    task.setVariable(RESERVATION_BASIS, form.optionalText(RESERVATION_BASIS));
  }

  private static LocalTime time(String text) {
    try {
      LocalTime time = LocalTime.parse(text.length() == 4 ? "0" + text : text);
      if (time.isBefore(LocalTime.of(8, 0)) || time.isAfter(LocalTime.of(18, 0))) {
        throw reject(BID_DEADLINE_TIME, "投标截止时间应在工作时间（8:00至18:00）内。");
      }
      return time;
    } catch (DateTimeParseException e) {
      throw reject(BID_DEADLINE_TIME, "投标截止时间应写成“时:分”，例如 09:30。");
    }
  }

  /** The criteria table: each row a name and a maximum score above 0, at most {@link #MAX_CRITERIA} rows. */
  static List<Map<String, Object>> criteria(DelegateTask task) {
    return FormList.of(task, EVALUATION_CRITERIA, "评审因素")
        .required("综合评分法请至少填写一项价格以外的评审因素。").atMost(MAX_CRITERIA)
        .rows().stream().map(row -> {
          String name = row.requiredText(CRITERION_NAME, "名称", MAX_CRITERION_NAME);
          BigDecimal score = row.requiredNumber(CRITERION_MAX_SCORE, "分值", new BigDecimal("0.01"), HUNDRED, "分",
              SCORE_DECIMALS);
          Map<String, Object> criterion = new LinkedHashMap<>();
          criterion.put(CRITERION_NAME, name);
          criterion.put(CRITERION_MAX_SCORE, score);
          return criterion;
        }).toList();
  }
}
