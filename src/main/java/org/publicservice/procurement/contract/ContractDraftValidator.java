package org.publicservice.procurement.contract;

import static org.publicservice.procurement.contract.ContractVariables.*;
import static org.publicservice.procurement.planning.PlanningVariables.INDICATORS;
import static org.publicservice.procurement.planning.PlanningVariables.SERVICE_STANDARDS;
import static org.publicservice.procurement.purchase.FormRules.reject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.purchase.FormList;
import org.publicservice.procurement.award.BondRefunds;
import org.publicservice.procurement.tender.BidBox;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.Money;
import org.springframework.stereotype.Component;

/**
 * The department's draft of the contract. The amount is the price of the bid awarded, unchanged (政府采购法第四十六条,
 * 实施条例第四十九条: no substantive change to the tender and bid); the performance bond is at most 10% of the amount
 * (实施条例第四十八条); the instalments add up to the amount, the last one being the final payment after the
 * performance evaluation. Stores the draft in the contract register, from which the signatures and everything after
 * read the terms, and the schedule as the list of milestones the performance stage works through.
 */
@Component
public class ContractDraftValidator implements TaskListener {

  static final BigDecimal BOND_LIMIT = new BigDecimal("0.10");

  private final ContractRegister contracts;
  private final BidBox bidBox;

  public ContractDraftValidator(ContractRegister contracts, BidBox bidBox) {
    this.contracts = contracts;
    this.bidBox = bidBox;
  }

  @Override
  public void notify(DelegateTask task) {
    FormRules form = FormRules.of(task);
    BigDecimal amount = form.requiredAmount(CONTRACT_AMOUNT, "合同金额");
    ContractCandidates.Candidate candidate = ContractCandidates.at(task, 0)
        .orElseThrow(() -> new IllegalStateException("no candidate offered the contract"));
    BigDecimal awarded = candidate.price();
    if (amount.compareTo(awarded) != 0) {
      throw reject(CONTRACT_AMOUNT, "合同金额必须与中标（成交）金额" + Money.yuan(awarded)
          + "一致，不得对采购文件和投标文件作实质性修改（政府采购法第四十六条）。");
    }
    BigDecimal bond = form.requiredAmount(PERFORMANCE_BOND, "履约保证金");
    BigDecimal bondLimit = amount.multiply(BOND_LIMIT).setScale(2, RoundingMode.DOWN);
    if (bond.signum() < 0) {
      throw reject(PERFORMANCE_BOND, "履约保证金不能为负数，不收取时请填0。");
    }
    if (bond.compareTo(bondLimit) > 0) {
      throw reject(PERFORMANCE_BOND, "履约保证金不得超过合同金额的10%，即" + Money.yuan(bondLimit)
          + "（政府采购法实施条例第四十八条）。");
    }
    LocalDate start = form.requiredDate(CONTRACT_PERIOD_START, "服务期限开始日期");
    LocalDate end = form.requiredDate(CONTRACT_PERIOD_END, "服务期限结束日期");
    if (!end.isAfter(start)) {
      throw reject(CONTRACT_PERIOD_END, "服务期限结束日期应晚于开始日期。");
    }
    if (form.optionalText(CONTRACT_TERMS) != null) {
      form.requiredText(CONTRACT_TERMS, "其他合同条款", 4000);
    }
    List<PaymentSchedule.Instalment> schedule = PaymentSchedule.read(
        FormList.of(task, PAYMENT_SCHEDULE, PaymentSchedule.LABEL), amount, start, end);
    String milestones = JsonValues.toJson(PaymentSchedule.rows(schedule));
    String scheduleText = PaymentSchedule.describe(schedule);
    String standards = FormRules.of(task).optionalText(SERVICE_STANDARDS);
    String indicators = JsonValues.rows(task.getVariable(INDICATORS)).stream()
        .map(i -> i.get("name") + "：" + i.get("target")).collect(Collectors.joining("\n"));
    String contractId = contracts.addDraft(new ContractRegister.Draft(task.getExecution().getProcessBusinessKey(),
        candidate.userId(), candidate.name(), amount, bond, start, end,
        (standards == null ? "" : standards) + (indicators.isEmpty() ? "" : "\n服务指标：\n" + indicators),
        scheduleText, milestones), task.getProcessInstanceId());
    task.setVariable(CONTRACT_ID, contractId);
    task.setVariable(PAYMENT_SCHEDULE_TEXT, scheduleText);
    task.setVariable(MILESTONES, SpinValues.jsonValue(milestones).create());
    // what the winner may turn into the performance bond when it signs, where the documents allow (87号令第三十八条)
    boolean convertible = bond.signum() > 0 && bidBox.bidBondConvertible(task.getExecution().getProcessBusinessKey());
    task.setVariable(WINNER_BID_BOND, !convertible ? null : PerformanceBond.convertibleBidBond(task.getExecution())
        .map(BondRefunds.Owed::amount).orElse(null));
  }
}
