package org.publicservice.procurement.contract;

import static org.publicservice.procurement.contract.ContractVariables.PAYMENT_SCHEDULE_TEXT;
import static org.publicservice.procurement.purchase.FormRules.reject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.publicservice.procurement.purchase.Money;

/**
 * The instalments of a contract, between the lines a department types ("中期验收：120000：2027-06-30") and the
 * milestones the performance stage accepts and pays. The last line is the final payment, which follows the
 * performance evaluation; the amounts add up to the contract amount exactly.
 */
public final class PaymentSchedule {

  static final int MAX_INSTALMENTS = 12;

  private PaymentSchedule() {
  }

  /** A milestone of the schedule; {@code index} counts from 1. */
  public record Instalment(int index, String name, BigDecimal amount, LocalDate dueDate, boolean finalPayment) {

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

  public static List<Instalment> parse(String text, BigDecimal contractAmount, LocalDate periodStart,
      LocalDate periodEnd) {
    List<String[]> lines = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    int number = 0;
    for (String raw : text.split("\\R")) {
      number++;
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      String[] parts = entry.split("[：:]", -1);
      if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
        throw reject(PAYMENT_SCHEDULE_TEXT,
            "付款计划第" + number + "行应为“里程碑名称：金额：到期日期”，例如“中期验收：120000：2027-06-30”。");
      }
      lines.add(parts);
      lineNumbers.add(number);
    }
    if (lines.size() < 2) {
      throw reject(PAYMENT_SCHEDULE_TEXT, "付款计划至少应有两期：分阶段验收后的付款和绩效评价后的尾款（最后一行）。");
    }
    if (lines.size() > MAX_INSTALMENTS) {
      throw reject(PAYMENT_SCHEDULE_TEXT, "付款计划不能超过" + MAX_INSTALMENTS + "期。");
    }
    List<Instalment> instalments = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    LocalDate previous = null;
    for (int i = 0; i < lines.size(); i++) {
      String[] parts = lines.get(i);
      int line = lineNumbers.get(i);
      boolean last = i == lines.size() - 1;
      String name = parts[0].strip();
      if (name.length() > 100) {
        throw reject(PAYMENT_SCHEDULE_TEXT, "付款计划第" + line + "行的里程碑名称不能超过100个字。");
      }
      BigDecimal amount = amount(parts[1].strip().replace(",", "").replace("，", "").replace("元", ""), line);
      LocalDate due = date(parts[2].strip(), line);
      if (previous != null && due.isBefore(previous)) {
        throw reject(PAYMENT_SCHEDULE_TEXT, "付款计划第" + line + "行的到期日期早于上一期，请按时间顺序填写。");
      }
      if (!last && (due.isBefore(periodStart) || due.isAfter(periodEnd))) {
        throw reject(PAYMENT_SCHEDULE_TEXT, "付款计划第" + line + "行的到期日期应在服务期限内（" + periodStart + "至"
            + periodEnd + "）。");
      }
      if (last && due.isBefore(periodEnd)) {
        throw reject(PAYMENT_SCHEDULE_TEXT,
            "最后一期是绩效评价后的尾款，到期日期不能早于服务期限结束日（" + periodEnd + "）。");
      }
      previous = due;
      total = total.add(amount);
      instalments.add(new Instalment(i + 1, name, amount, due, last));
    }
    if (total.compareTo(contractAmount) != 0) {
      throw reject(PAYMENT_SCHEDULE_TEXT, "付款计划各期金额合计" + Money.yuan(total) + "，与合同金额"
          + Money.yuan(contractAmount) + "不一致。");
    }
    return instalments;
  }

  public static List<Map<String, Object>> rows(List<Instalment> instalments) {
    return instalments.stream().map(Instalment::toRow).toList();
  }

  /** The schedule as the contract and its notice state it, one instalment a line. */
  public static String describe(List<Instalment> instalments) {
    return instalments.stream().map(i -> "第" + i.index() + "期 " + i.name() + "：" + Money.yuan(i.amount())
        + "，" + i.dueDate() + (i.finalPayment() ? "（绩效评价后支付）" : "")).collect(Collectors.joining("\n"));
  }

  private static BigDecimal amount(String text, int line) {
    BigDecimal amount;
    try {
      amount = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw reject(PAYMENT_SCHEDULE_TEXT, "付款计划第" + line + "行的金额“" + text + "”不是数字。");
    }
    if (amount.signum() <= 0) {
      throw reject(PAYMENT_SCHEDULE_TEXT, "付款计划第" + line + "行的金额必须大于0元。");
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      throw reject(PAYMENT_SCHEDULE_TEXT, "付款计划第" + line + "行的金额最多保留两位小数。");
    }
    return amount.setScale(2);
  }

  private static LocalDate date(String text, int line) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw reject(PAYMENT_SCHEDULE_TEXT, "付款计划第" + line + "行的到期日期“" + text + "”格式不正确，应为 年-月-日（如 2027-06-30）。");
    }
  }
}
