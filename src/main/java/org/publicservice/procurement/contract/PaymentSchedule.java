package org.publicservice.procurement.contract;

import static org.publicservice.procurement.contract.ContractVariables.*;
import static org.publicservice.procurement.purchase.FormRules.reject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.publicservice.procurement.purchase.FormList;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.Money;

/**
 * The instalments of a contract, between the table a department fills in (one row an instalment: milestone, amount,
 * due date) and the milestones the performance stage accepts and pays. The last row is the final payment, which
 * follows the performance evaluation; the amounts add up to the contract amount exactly.
 */
public final class PaymentSchedule {

  /** The table's label in forms/draft-contract.form; messages name its rows ("付款计划第2行"). */
  public static final String LABEL = "付款计划";
  /** The most instalments a schedule has (the form's label states it; ListFormsTest keeps the two in line). */
  public static final int MAX_INSTALMENTS = 12;
  public static final int MAX_NAME_LENGTH = 100;

  private PaymentSchedule() {
  }

  /**
   * A milestone of the schedule; {@code index} counts from 1. The contract stage hands the schedule over as
   * {@code milestones} and the contract register keeps it in the same form; the performance and evaluation stages read
   * it back through {@link #list}.
   */
  public record Instalment(int index, String name, BigDecimal amount, LocalDate dueDate, boolean finalPayment) {

    /** The schedule (the variable or the register's JSON) as instalments; none when it is not set. */
    public static List<Instalment> list(Object json) {
      return JsonValues.rows(json).stream().map(row -> new Instalment(((Number) row.get("index")).intValue(),
          row.get("name").toString(), new BigDecimal(row.get("amount").toString()),
          LocalDate.parse(row.get("dueDate").toString()), Boolean.TRUE.equals(row.get("finalPayment")))).toList();
    }

    Map<String, Object> toRow() {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("index", index);
      row.put("name", name);
      row.put("amount", amount);
      row.put("dueDate", dueDate.toString());
      row.put("finalPayment", finalPayment);
      return row;
    }
  }

  /** The submitted table, checked row by row; refused in Chinese naming the row and the column. */
  public static List<Instalment> read(FormList table, BigDecimal contractAmount, LocalDate periodStart,
      LocalDate periodEnd) {
    if (table.size() < 2) {
      throw reject(PAYMENT_SCHEDULE, "付款计划至少应有两期：分阶段验收后的付款和绩效评价后的尾款（最后一行）。");
    }
    table.atMost(MAX_INSTALMENTS);
    List<Instalment> instalments = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    LocalDate previous = null;
    for (FormList.Row row : table.rows()) {
      int index = instalments.size() + 1;
      boolean last = index == table.size();
      String name = row.requiredText(INSTALMENT_NAME, "里程碑名称", MAX_NAME_LENGTH);
      BigDecimal amount = row.requiredNumber(INSTALMENT_AMOUNT, "金额");
      if (amount.signum() <= 0) {
        throw row.reject("金额必须大于0元。");
      }
      if (amount.stripTrailingZeros().scale() > 2) {
        throw row.reject("金额最多保留两位小数。");
      }
      LocalDate due = row.requiredDate(INSTALMENT_DUE_DATE, "到期日期");
      if (previous != null && due.isBefore(previous)) {
        throw row.reject("到期日期早于上一期，请按时间顺序填写。");
      }
      if (!last && (due.isBefore(periodStart) || due.isAfter(periodEnd))) {
        throw row.reject("到期日期应在服务期限内（" + periodStart + "至" + periodEnd + "）。");
      }
      if (last && due.isBefore(periodEnd)) {
        throw row.reject("最后一期是绩效评价后的尾款，到期日期不能早于服务期限结束日（" + periodEnd + "）。");
      }
      previous = due;
      total = total.add(amount);
      instalments.add(new Instalment(index, name, amount.setScale(2), due, last));
    }
    if (total.compareTo(contractAmount) != 0) {
      throw reject(PAYMENT_SCHEDULE, "付款计划各期金额合计" + Money.yuan(total) + "，与合同金额"
          + Money.yuan(contractAmount) + "不一致。");
    }
    return instalments;
  }

  public static List<Map<String, Object>> rows(List<Instalment> instalments) {
    return instalments.stream().map(Instalment::toRow).toList();
  }

  /** The schedule as the variable that carries it to the performance and evaluation stages. */
  public static SerializableValue json(List<Instalment> instalments) {
    return JsonValues.json(rows(instalments));
  }

  /** The schedule as the contract and its notice state it, one instalment a line. */
  public static String describe(List<Instalment> instalments) {
    return instalments.stream().map(i -> "第" + i.index() + "期 " + i.name() + "：" + Money.yuan(i.amount())
        + "，" + i.dueDate() + (i.finalPayment() ? "（绩效评价后支付）" : "")).collect(Collectors.joining("\n"));
  }
}
