package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.BondVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.purchase.FormList;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Component;

/**
 * The department's record of the refunds: for every bond owed (one row per supplier, matched by position with the
 * open lines), the day it was refunded and the reference of the transfer or the returned guarantee. A day in the
 * future or before the refund period began is refused in Chinese and nothing changes; a day after the period is
 * accepted and recorded as late (87号令第三十八条).
 */
@Component
public class BondRefundValidator implements TaskListener {

  public static final int MAX_REFERENCE = 100;

  private final BondRefunds refunds;

  public BondRefundValidator(BondRefunds refunds) {
    this.refunds = refunds;
  }

  @Override
  public void notify(DelegateTask task) {
    List<BondRefunds.Line> lines = refunds.openLines(task.getProcessInstanceId());
    FormList sheet = FormList.of(task, BOND_REFUNDS, "保证金退还记录").sameRowsAs(lines.size());
    LocalDate today = ProcurementTime.today();
    List<Map<String, Object>> checked = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      BondRefunds.Line line = lines.get(i);
      FormList.Row row = sheet.row(i, "第" + (i + 1) + "行（" + line.supplierName() + "）");
      LocalDate refundedOn = row.requiredDate(REFUNDED_ON, "退还日期");
      if (refundedOn.isAfter(today)) {
        throw row.reject("退还日期不能晚于今天（" + ProcurementTime.DAY.format(today) + "），请在实际退还后登记。");
      }
      if (refundedOn.isBefore(line.periodFrom())) {
        throw row.reject("退还日期不能早于退还期限的起算日（" + ProcurementTime.DAY.format(line.periodFrom()) + "）。");
      }
      String reference = row.requiredText(REFUND_REFERENCE, "退还凭证编号", MAX_REFERENCE);
      Map<String, Object> refund = new LinkedHashMap<>();
      refund.put("lineId", line.id());
      refund.put(REFUNDED_ON, refundedOn.toString());
      refund.put(REFUND_REFERENCE, reference);
      checked.add(refund);
    }
    task.setVariable(CHECKED_REFUNDS, SpinValues.jsonValue(JsonValues.toJson(checked)).create());
  }
}
