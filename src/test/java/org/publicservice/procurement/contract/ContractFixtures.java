package org.publicservice.procurement.contract;


import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.publicservice.procurement.TasklistDriver;
import org.publicservice.procurement.TestIdentities;
import org.publicservice.procurement.performance.PerformanceVariables;
import org.publicservice.procurement.performance.ProgressReports;
import org.publicservice.procurement.purchase.JsonValues;

/**
 * What the stages after the award start from (the IN variables of ContractVariables), and driving their tasks as the users
 * would in Tasklist.
 */
public final class ContractFixtures {

  public static final String WINNER_ORG = "org-anle";
  public static final String WINNER_ORG_NAME = "南通安乐居家养老服务社";
  public static final String SECOND_ORG = "org-xinyu";
  public static final String SECOND_ORG_NAME = "南通心语社会工作服务社";
  public static final String SUPERVISOR_MAIL = "jiandu@demo.local";

  private static final AtomicInteger NEXT_PROJECT = new AtomicInteger(ThreadLocalRandom.current().nextInt(100, 800) * 10);

  private ContractFixtures() {
  }

  /** A project number of its own for each test: the register and the tables are shared by the tests of a run. */
  public static String newProjectNumber() {
    return "NT-2026-" + (1000 + NEXT_PROJECT.incrementAndGet() % 9000);
  }

  /** The variables a purchase has when the award stage hands it to the contract stage. */
  public static VariableMap awarded(String projectNumber) {
    return Variables.createVariables()
        .putValue("projectNumber", projectNumber)
        .putValue("serviceName", "崇川区居家养老上门服务")
        .putValue("serviceCategory", "ELDERLY_CARE")
        .putValue("serviceDescription", "为崇川区200名失能老人提供每周两次上门助餐、助洁服务。")
        .putValue("serviceStandards", "上门服务每次不少于1小时，服务人员持证上岗。")
        .putValue("indicators", json(List.of(Map.of("name", "服务对象满意度", "target", "90%"),
            Map.of("name", "上门服务人次", "target", "9600"))))
        .putValue("budget", 300_000L)
        .putValue("servicePeriodStart", "2027-01-01")
        .putValue("servicePeriodEnd", "2027-12-31")
        .putValue("region", "崇川区")
        .putValue("requester", TestIdentities.PURCHASER)
        .putValue("departmentGroup", "dept-civil-affairs")
        .putValue("departmentName", "南通市民政局")
        .putValue("procurementMethod", "OPEN_TENDER")
        .putValue("procurementMethodName", "公开招标")
        .putValue("awardOutcome", "AWARDED")
        .putValue("winner", WINNER_ORG)
        .putValue("winnerName", WINNER_ORG_NAME)
        .putValue("awardedPrice", 280_000L)
        .putValue("awardNoticeDate", "2026-12-01T09:00:00+08:00")
        .putValue("candidates", json(List.of(
            Map.of("rank", 1, "bidId", "b1", "bidder", WINNER_ORG, "bidderName", WINNER_ORG_NAME, "price", 280_000),
            Map.of("rank", 2, "bidId", "b2", "bidder", SECOND_ORG, "bidderName", SECOND_ORG_NAME, "price", 285_000.5))));
  }

  /** The department's draft of the contract (forms/draft-contract.form). */
  public static VariableMap draftForm(Number amount, Number bond, String schedule) {
    return Variables.createVariables()
        .putValue("contractAmount", amount)
        .putValue("performanceBond", bond)
        .putValue("contractPeriodStart", "2027-01-01")
        .putValue("contractPeriodEnd", "2027-12-31")
        .putValueTyped(ContractVariables.PAYMENT_SCHEDULE, schedule(schedule))
        .putValue("contractTerms", "服务人员变动须提前10日书面告知采购人。");
  }

  /**
   * The payment schedule table as the draft form submits it (a Json variable, one row an instalment), written here
   * one instalment a line as "里程碑名称：金额：到期日期" for short tests.
   */
  public static JsonValue schedule(String lines) {
    List<Map<String, Object>> rows = new java.util.ArrayList<>();
    for (String line : lines.strip().split("\\R")) {
      String[] parts = line.strip().split("：", -1);
      Map<String, Object> row = new java.util.LinkedHashMap<>();
      row.put(ContractVariables.INSTALMENT_NAME, parts[0]);
      row.put(ContractVariables.INSTALMENT_AMOUNT, new java.math.BigDecimal(parts[1]));
      row.put(ContractVariables.INSTALMENT_DUE_DATE, parts[2]);
      rows.add(row);
    }
    return SpinValues.jsonValue(JsonValues.toJson(rows)).create();
  }

  public static Object json(Object value) {
    return SpinValues.jsonValue(JsonValues.toJson(value)).create();
  }


  /** The organisation's signature; the bond's form and reference count only where the draft has a bond. */
  public static VariableMap signature() {
    return Variables.createVariables().putValue(ContractVariables.CONTRACTOR_DECISION, ContractVariables.SIGN)
        .putValue(ContractVariables.PERFORMANCE_BOND_FORM, "BANK_GUARANTEE")
        .putValue(ContractVariables.PERFORMANCE_BOND_REFERENCE, LODGED_BOND_REFERENCE);
  }

  /** The guarantee's number the organisation states for the performance bond. */
  public static final String LODGED_BOND_REFERENCE = "BH-2026-履约-001";

  /**
   * A contract stage started from {@link #awarded} and worked to its end as the users would: drafted (280,000 yuan
   * in two instalments, with this bond), signed, countersigned, published and filed under this reference.
   */
  public static ProcessInstance signedContract(ProcessEngine engine, TasklistDriver tasklist, String projectNumber,
      int performanceBond, String filingReference) {
    ProcessInstance contract = engine.getRuntimeService().startProcessInstanceByKey(ContractVariables.PROCESS_KEY,
        projectNumber, awarded(projectNumber));
    tasklist.completeAs(TestIdentities.PURCHASER, contract, "Task_DraftContract", Variables.createVariables()
        .putValue(ContractVariables.CONTRACT_AMOUNT, 280_000)
        .putValue(ContractVariables.PERFORMANCE_BOND, performanceBond)
        .putValue(ContractVariables.CONTRACT_PERIOD_START, "2027-01-01")
        .putValue(ContractVariables.CONTRACT_PERIOD_END, "2027-12-31")
        .putValueTyped(ContractVariables.PAYMENT_SCHEDULE, schedule("第一阶段验收：200000：2027-06-30\n尾款：80000：2028-01-31")));
    tasklist.completeAs(WINNER_ORG, contract, "Task_SignContract", signature());
    tasklist.completeAs(TestIdentities.PURCHASER, contract, "Task_CountersignContract",
        Variables.createVariables().putValue(ContractVariables.DEPARTMENT_SIGNS, true));
    tasklist.completeAs(TestIdentities.PURCHASER, contract, "Task_PublishContract", Variables.createVariables());
    tasklist.completeAs(TestIdentities.PURCHASER, contract, "Task_FileContract",
        Variables.createVariables().putValue(ContractVariables.FILING_REFERENCE, filingReference));
    return contract;
  }

  /**
   * The performance stage of the {@link #signedContract} as the main process starts it: with what the contract stage
   * handed back; then the organisation reports the first phase and the department accepts it on the day the
   * schedule sets for its payment (the clock must stand there), which leaves the payment's jobs to run.
   */
  public static ProcessInstance firstPhaseAccepted(ProcessEngine engine, TasklistDriver tasklist, ProcessInstance contract,
      String projectNumber) {
    VariableMap handedOn = Variables.createVariables();
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(contract.getId()).list()
        .forEach(v -> handedOn.putValue(v.getName(), v.getValue()));
    ProcessInstance performance = engine.getRuntimeService().startProcessInstanceByKey(PerformanceVariables.PROCESS_KEY,
        projectNumber, handedOn);
    tasklist.completeAs(WINNER_ORG, performance, "Task_SubmitProgressReport", Variables.createVariables()
        .putValue(PerformanceVariables.PROGRESS_REPORT, "上半年服务按计划完成。")
        .putValueTyped(PerformanceVariables.INDICATOR_RESULTS, ProgressReports.reached("94%", "4900")));
    tasklist.completeAs(TestIdentities.PURCHASER, performance, "Task_AcceptMilestone", Variables.createVariables()
        .putValue(PerformanceVariables.ACCEPTANCE_DECISION, PerformanceVariables.ACCEPT)
        .putValue(PerformanceVariables.RECIPIENT_PARTICIPANTS, "服务对象代表10人")
        .putValue(PerformanceVariables.RECIPIENT_SATISFACTION, 94));
    return performance;
  }
}
