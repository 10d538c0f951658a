package org.publicservice.procurement.award;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.Money;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.PurchaseIdentity;
import org.publicservice.procurement.review.OpenedBid;
import org.publicservice.procurement.tender.BidBond;
import org.publicservice.procurement.tender.TenderVariables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bonds a purchase owes back (table {@code bond_refund}) and the department's task that refunds them (process
 * {@code BondRefund}). A refund runs beside the purchase in its own small process: an open or late refund never
 * holds the award, the signing or the end of the purchase. Its due date is the end of the 5th working day after
 * the day the period starts (实施条例第三十三条, 87号令第三十八条); a task past it is mailed to the supervisors as
 * overdue by the task deadline watch, like every other statutory task.
 */
@Repository
public class BondRefunds {

  public static final String PROCESS_KEY = org.publicservice.procurement.identity.ProcessKeys.BOND_REFUND;
  /** Bid bonds (投标保证金) and the performance bond (履约保证金). */
  public static final String BID = "BID";
  public static final String PERFORMANCE = "PERFORMANCE";
  /** Working days to refund a bid bond (实施条例第三十三条, 87号令第三十八条). */
  public static final int BID_REFUND_WORKING_DAYS = 5;
  /**
   * Working days the platform gives the department to refund the performance bond after the evaluation: the law
   * leaves the period to the contract, so this is a reminder, not a statutory deadline.
   */
  public static final int PERFORMANCE_REFUND_WORKING_DAYS = 5;

  /** A bond owed back to one supplier. */
  public record Owed(String supplier, String supplierName, BigDecimal amount, String lodged) {
  }

  /** A line as stored; {@code refundedOn} null while the refund is open. */
  public record Line(long id, String projectNumber, String kind, String supplier, String supplierName,
      BigDecimal amount, String lodged, LocalDate periodFrom, OffsetDateTime dueAt, LocalDate refundedOn,
      String refundReference) {

    public LocalDate dueOn() {
      return dueAt.atZoneSameInstant(ProcurementTime.ZONE).toLocalDate();
    }

    /** Refunded after the last day of its period (87号令第三十八条: the department then owes interest). */
    public boolean late() {
      return refundedOn != null && refundedOn.isAfter(dueOn());
    }
  }

  /**
   * A refund as the public reads it on the project's page: whose bond, how much, when it went back and whether on
   * time; never how it was lodged or the bank's references.
   */
  public record PublicRefund(String bond, String supplierName, String amount, String refundedOn, String status) {
  }

  private final JdbcClient jdbc;
  private final WorkingDayCalendar workingDays;

  public BondRefunds(JdbcClient jdbc, WorkingDayCalendar workingDays) {
    this.jdbc = jdbc;
    this.workingDays = workingDays;
  }

  /**
   * The bid bonds the opened bids of the purchase state (how lodged, with its reference), each for the amount the
   * documents asked for; none when the documents asked for no bond. A bid that stated no bond owes nothing back.
   */
  public static List<Owed> bidBondsLodged(DelegateExecution execution) {
    return bidBondsLodged(execution.getVariable(TenderVariables.BID_BOND),
        execution.getVariable(AwardVariables.OPENED_BIDS));
  }

  /** {@link #bidBondsLodged(DelegateExecution)} from the variables {@code bidBond} and {@code openedBids}. */
  public static List<Owed> bidBondsLodged(Object required, Object openedBids) {
    BigDecimal amount = required == null ? BigDecimal.ZERO : new BigDecimal(required.toString());
    if (amount.signum() <= 0) {
      return List.of();
    }
    return OpenedBid.list(openedBids).stream()
        .filter(bid -> bid.bidBond() != null && !BidBond.NOT_STATED.equals(bid.bidBond()))
        .map(bid -> new Owed(bid.bidder(), bid.bidderName(), amount, bid.bidBond()))
        .toList();
  }

  /**
   * Starts the refund of the stated bid bonds of the suppliers {@code whose} accepts and not owed already, due
   * {@link #BID_REFUND_WORKING_DAYS} working days from today (the day of the 中标通知书 or of the signed contract).
   */
  public void startBidBondRefund(DelegateExecution execution, Predicate<String> whose) {
    List<Owed> owed = bidBondsLodged(execution).stream()
        .filter(bond -> whose.test(bond.supplier()))
        .filter(bond -> !owes(execution.getProcessBusinessKey(), BID, bond.supplier(), bond.lodged()))
        .toList();
    start(execution, BID, owed, ProcurementTime.today(), BID_REFUND_WORKING_DAYS);
  }

  /**
   * Starts the refund of bid bonds that leave the procedure before any award: a bid withdrawn before the deadline,
   * or the bids of a round that fails or is terminated (87号令第三十八条: within 5 working days of the written
   * withdrawal or of the termination). Due {@link #BID_REFUND_WORKING_DAYS} working days from today; a bond already
   * owed is left out, so no bond goes back twice. The refund runs in its own instance and holds nothing.
   */
  public void startBidBondRefund(RuntimeService runtime, PurchaseIdentity purchase, Object departmentGroup,
      List<Owed> stated) {
    List<Owed> owed = stated.stream()
        .filter(bond -> !owes(purchase.projectNumber(), BID, bond.supplier(), bond.lodged()))
        .toList();
    start(runtime, purchase, departmentGroup, BID, owed, ProcurementTime.today(), BID_REFUND_WORKING_DAYS);
  }

  /**
   * Whether this very bond (supplier, form and reference) is already owed back in the project: a bond refunded
   * after a withdrawal or a failed round is a different bond from one the supplier lodges when it bids again.
   */
  public boolean owes(String projectNumber, String kind, String supplier, String lodged) {
    return jdbc.sql("SELECT COUNT(*) FROM bond_refund WHERE project_number = :project AND bond_kind = :kind"
            + " AND supplier = :supplier AND lodged = :lodged")
        .param("project", projectNumber).param("kind", kind).param("supplier", supplier).param("lodged", lodged)
        .query(Long.class).single() > 0;
  }

  /** Whether the supplier already has a line of this kind in the project (a replacement award refunds nobody twice). */
  public boolean owes(String projectNumber, String kind, String supplier) {
    return jdbc.sql("SELECT COUNT(*) FROM bond_refund WHERE project_number = :project AND bond_kind = :kind"
            + " AND supplier = :supplier")
        .param("project", projectNumber).param("kind", kind).param("supplier", supplier).query(Long.class)
        .single() > 0;
  }

  /**
   * Records the bonds owed and starts the department's refund task, due {@code workingDaysToRefund} working days
   * after {@code from}; nothing when nothing is owed. The refund process continues asynchronously after its
   * start, so a fault in it never rolls back the step of the purchase that started it.
   */
  public void start(DelegateExecution execution, String kind, List<Owed> owed, LocalDate from,
      int workingDaysToRefund) {
    if (owed.isEmpty()) {
      return;
    }
    start(execution.getProcessEngineServices().getRuntimeService(), PurchaseIdentity.of(execution),
        execution.getVariable(PurchaseIdentity.DEPARTMENT_GROUP), kind, owed, from, workingDaysToRefund);
  }

  private void start(RuntimeService runtime, PurchaseIdentity purchase, Object departmentGroup, String kind,
      List<Owed> owed, LocalDate from, int workingDaysToRefund) {
    if (owed.isEmpty()) {
      return;
    }
    Date due = workingDays.after(from, workingDaysToRefund);
    var instance = runtime.createProcessInstanceByKey(PROCESS_KEY).businessKey(purchase.projectNumber())
        .setVariable(PurchaseIdentity.PROJECT_NUMBER, purchase.projectNumber())
        .setVariable(PurchaseIdentity.SERVICE_NAME, purchase.serviceName())
        .setVariable(PurchaseIdentity.DEPARTMENT_NAME, purchase.departmentName())
        .setVariable(PurchaseIdentity.DEPARTMENT_GROUP, departmentGroup)
        .setVariable(BondVariables.BOND_KIND, kind)
        .setVariable(BondVariables.REFUND_DUE, due)
        .setVariable(BondVariables.REFUND_INSTRUCTIONS, instructions(kind, from, due))
        .setVariable(BondVariables.BOND_REFUNDS, SpinValues.jsonValue(JsonValues.toJson(rows(owed))).create())
        .execute();
    for (Owed bond : owed) {
      jdbc.sql("""
              INSERT INTO bond_refund (project_number, bond_kind, supplier, supplier_name, amount, lodged, period_from,
                due_at, process_instance_id)
              VALUES (:project, :kind, :supplier, :name, :amount, :lodged, :from, :due, :instance)""")
          .param("project", purchase.projectNumber()).param("kind", kind).param("supplier", bond.supplier())
          .param("name", bond.supplierName()).param("amount", bond.amount()).param("lodged", bond.lodged())
          .param("from", from).param("due", OffsetDateTime.ofInstant(due.toInstant(), ProcurementTime.ZONE))
          .param("instance", instance.getProcessInstanceId()).update();
    }
  }

  /** The open lines of one refund task, in the order its form lists them. */
  public List<Line> openLines(String processInstanceId) {
    return jdbc.sql("SELECT * FROM bond_refund WHERE process_instance_id = :instance AND refunded_on IS NULL"
            + " ORDER BY id")
        .param("instance", processInstanceId).query(BondRefunds::map).list();
  }

  /** Every line of the project, bid bonds first, for the portal. */
  public List<Line> ofProject(String projectNumber) {
    return jdbc.sql("SELECT * FROM bond_refund WHERE project_number = :project ORDER BY bond_kind, id")
        .param("project", projectNumber).query(BondRefunds::map).list();
  }

  /** The project's refunds for its portal page. */
  public List<PublicRefund> publicRefunds(String projectNumber) {
    LocalDate today = ProcurementTime.today();
    return ofProject(projectNumber).stream().map(line -> new PublicRefund(
        BID.equals(line.kind()) ? "投标保证金" : "履约保证金", line.supplierName(), Money.yuan(line.amount()),
        line.refundedOn() == null ? "—" : ProcurementTime.DAY.format(line.refundedOn()), status(line, today)))
        .toList();
  }

  private static String status(Line line, LocalDate today) {
    String due = ProcurementTime.DAY.format(line.dueOn());
    if (PERFORMANCE.equals(line.kind())) {
      // no statutory period: the portal says whether it went back, not whether it was late
      return line.refundedOn() != null ? "已退还" : "待退还";
    }
    if (line.refundedOn() != null) {
      return line.late() ? "逾期退还（期限" + due + "）" : "按期退还";
    }
    return today.isAfter(line.dueOn()) ? "逾期未退还（期限" + due + "）" : "待退还（期限" + due + "）";
  }

  public void refunded(long id, LocalDate refundedOn, String reference) {
    int updated = jdbc.sql("UPDATE bond_refund SET refunded_on = :day, refund_reference = :reference"
            + " WHERE id = :id AND refunded_on IS NULL")
        .param("day", refundedOn).param("reference", reference).param("id", id).update();
    if (updated != 1) {
      throw new IllegalStateException("bond refund " + id + " is not open");
    }
  }

  private static List<Map<String, Object>> rows(List<Owed> owed) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Owed bond : owed) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("supplierName", bond.supplierName());
      row.put("amount", Money.yuan(bond.amount()));
      row.put("lodged", bond.lodged());
      rows.add(row);
    }
    return rows;
  }

  private static String instructions(String kind, LocalDate from, Date due) {
    String dueDay = ProcurementTime.DAY.format(due.toInstant());
    if (PERFORMANCE.equals(kind)) {
      return "合同已履行完毕并通过验收和绩效评价，请按合同约定退还中标（成交）供应商以非现金形式提交的履约保证金"
          + "（政府采购法实施条例第四十八条），并登记退还日期和凭证编号。合同未约定退还期限的，请于" + dueDay + "前办理。"
          + "退还记录（供应商名称、金额、退还日期）在信息公开网站本项目页面公开。";
    }
    return "请于" + dueDay + "前（" + ProcurementTime.DAY.format(from) + "起5个工作日内）退还下列供应商的投标保证金，"
        + "并逐一登记退还日期和凭证编号（政府采购法实施条例第三十三条；政府采购货物和服务招标投标管理办法第二十九条、第三十八条）。"
        + "逾期退还的，除退还本金外，还应当按中国人民银行同期贷款基准利率上浮20%后的利率支付超期资金占用费"
        + "（政府采购货物和服务招标投标管理办法第三十八条）；逾期未办理的，系统将提醒财政部门监督人员。"
        + "退还记录（供应商名称、金额、退还日期、是否按期）在信息公开网站本项目页面公开。";
  }

  private static Line map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Line(rs.getLong("id"), rs.getString("project_number"), rs.getString("bond_kind"),
        rs.getString("supplier"), rs.getString("supplier_name"), rs.getBigDecimal("amount"), rs.getString("lodged"),
        rs.getObject("period_from", LocalDate.class), rs.getObject("due_at", OffsetDateTime.class),
        rs.getObject("refunded_on", LocalDate.class), rs.getString("refund_reference"));
  }
}
