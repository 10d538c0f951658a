package org.publicservice.procurement.planning;

import static org.publicservice.procurement.planning.PlanningVariables.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.Money;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Flags a possible splitting (化整为零) to the finance bureau when it gets a request to review: 实施条例第二十八条 counts
 * it as evading open tender when, in one budget year, a purchaser buys services of the same category several times
 * by methods other than open tender and their sum exceeds the open-tender threshold. The department's earlier
 * approved plans of the same category, whose service begins in the same year and which go neither to open tender
 * nor to single source, are added to this request (when it goes to neither either: a single source is a non-open
 * method approved on its own statutory ground, which 第二十八条 excepts); whether the sum reaches the threshold is
 * asked of the decision table {@code ProcurementMethod} itself, so that the threshold stays in one place. The review
 * form lists the earlier plans; {@link ReviewDecisionValidator} then asks for a reason to approve.
 */
@Component
public class SplittingCheckListener implements TaskListener {

  static final String OPEN_TENDER = "OPEN_TENDER";
  static final String SINGLE_SOURCE = "SINGLE_SOURCE";

  /** An earlier plan that counts towards the sum. */
  record EarlierPlan(String projectNumber, String serviceName, BigDecimal budget, String method,
      OffsetDateTime approvedAt) {
  }

  private final JdbcClient jdbc;

  public SplittingCheckListener(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void notify(DelegateTask task) {
    FormRules request = FormRules.of(task);
    String method = request.optionalText(PROCUREMENT_METHOD);
    List<EarlierPlan> earlier = OPEN_TENDER.equals(method) || SINGLE_SOURCE.equals(method) ? List.of()
        : earlierPlans(request.requiredText(DEPARTMENT_GROUP, "采购单位"),
            request.requiredText(SERVICE_CATEGORY, "服务类别"),
            request.requiredDate(SERVICE_PERIOD_START, "服务开始日期").getYear(),
            task.getExecution().getProcessBusinessKey());
    BigDecimal sum = earlier.stream().map(EarlierPlan::budget)
        .reduce(request.requiredAmount(BUDGET, "预算金额"), BigDecimal::add);
    boolean suspected = !earlier.isEmpty() && reachesOpenTender(task, sum);
    task.setVariable(SPLITTING_SUSPECTED, suspected);
    task.setVariable(SPLITTING_WARNING, suspected ? warning(earlier, sum) : "");
  }

  private List<EarlierPlan> earlierPlans(String department, String category, int year, String projectNumber) {
    return jdbc.sql("""
            SELECT project_number, service_name, budget, procurement_method, approved_at FROM purchase_plan
            WHERE department_group = :department AND service_category = :category
              AND service_period_start >= :from AND service_period_start < :to
              AND procurement_method NOT IN (:open, :single) AND project_number <> :project
            ORDER BY approved_at, project_number""")
        .param("department", department).param("category", category).param("from", LocalDate.of(year, 1, 1))
        .param("to", LocalDate.of(year + 1, 1, 1)).param("open", OPEN_TENDER)
        .param("single", SINGLE_SOURCE).param("project", projectNumber == null ? "" : projectNumber)
        .query((rs, row) -> new EarlierPlan(rs.getString("project_number"), rs.getString("service_name"),
            rs.getBigDecimal("budget"), rs.getString("procurement_method"),
            rs.getObject("approved_at", OffsetDateTime.class)))
        .list();
  }

  /** Whether the decision table sends a purchase of this sum, without a single-source ground, to open tender. */
  private static boolean reachesOpenTender(DelegateTask task, BigDecimal sum) {
    Map<String, Object> result = task.getProcessEngineServices().getDecisionService()
        .evaluateDecisionByKey("ProcurementMethod")
        .variables(Variables.createVariables().putValue(SINGLE_SOURCE_GROUND, "NONE")
            .putValue(BUDGET, sum.doubleValue()))
        .evaluate().getSingleResult().getEntryMap();
    return OPEN_TENDER.equals(result.get(PROCUREMENT_METHOD));
  }

  /**
   * The sum counts every earlier plan; only the {@link PlanningVariables#SPLITTING_WARNING_MAX_LISTED} most recent are
   * listed, the older ones in one line with their number and total, so that the text fits its variable column.
   */
  static String warning(List<EarlierPlan> earlier, BigDecimal sum) {
    StringBuilder text = new StringBuilder("**可能化整为零规避公开招标（政府采购法实施条例第二十八条）**：本单位同一年度同一类别已批准以公开招标"
        + "以外方式采购的项目共" + earlier.size() + "项，连同本申请合计" + Money.yuan(sum) + "，达到公开招标数额标准。批准本申请须写明理由"
        + "（如项目预算调整，或经批准采用公开招标以外的方式）。\n\n");
    List<EarlierPlan> older = earlier.subList(0, Math.max(0, earlier.size() - SPLITTING_WARNING_MAX_LISTED));
    if (!older.isEmpty()) {
      text.append("- 较早批准的").append(older.size()).append("项未逐项列出，合计")
          .append(Money.yuan(older.stream().map(EarlierPlan::budget).reduce(BigDecimal.ZERO, BigDecimal::add)))
          .append("\n");
    }
    for (EarlierPlan plan : earlier.subList(older.size(), earlier.size())) {
      text.append("- ").append(plan.projectNumber()).append(" ").append(clip(plan.serviceName())).append("：")
          .append(Money.yuan(plan.budget())).append("，").append(methodLabel(plan.method())).append("，")
          .append(ProcurementTime.DAY.format(plan.approvedAt())).append("批准\n");
    }
    return text.toString();
  }

  /** A plan filed before the name had its maximum could have a longer one (the column holds 200). */
  private static String clip(String serviceName) {
    return serviceName.length() <= SERVICE_NAME_MAX ? serviceName
        : serviceName.substring(0, SERVICE_NAME_MAX - 1) + "…";
  }

  private static String methodLabel(String method) {
    try {
      return ProcurementMethod.valueOf(method).label();
    } catch (IllegalArgumentException e) {
      return method;
    }
  }
}
