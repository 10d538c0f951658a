package org.publicservice.procurement.tender;

import static org.publicservice.procurement.tender.TenderVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.review.PanelDraw;
import org.springframework.stereotype.Component;

/**
 * Draws the suppliers of an invited tender at random from the qualified list (政府采购法第三十四条; 87号令第十四条: 随机
 * 抽取, every supplier on the list with the same chance) and keeps the written record of the draw with the file:
 * list and its source, seed, the order the seed gives, the invited and the supervisors. The draw uses the
 * reproducible shuffle of the panel draw ({@link PanelDraw#drawOrder}), so the record repeats it. The invited
 * suppliers alone may bid in the round that opens next.
 */
@Component
public class DrawInvitedSuppliersDelegate implements JavaDelegate {

  private final InvitationDraws draws;

  public DrawInvitedSuppliersDelegate(InvitationDraws draws) {
    this.draws = draws;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules form = FormRules.of(execution);
    List<String> pool = strings(execution.getVariable(INVITATION_POOL));
    int count = (int) form.requiredWholeNumber(INVITATION_COUNT, "拟邀请的供应商家数");
    if (pool.size() < 2 * count) {
      throw new IllegalStateException("qualified list of " + pool.size() + " for " + count + " invitations");
    }
    String source = form.requiredText(INVITATION_LIST_SOURCE, "供应商名单来源");
    String basis = SUPPLIER_DATABASE.equals(source)
        ? "平台登记的社会组织（供应商库），已排除信用记录禁止参加政府采购活动的机构（87号令第十四条第一款第二项）"
        : "采购人书面推荐（87号令第十四条第一款第三项）：" + form.requiredText(INVITATION_REASONS, "推荐理由");
    long seed = PanelDraw.newSeed();
    List<String> order = PanelDraw.drawOrder(seed, pool);
    List<String> invited = order.subList(0, count);
    long id = draws.record(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), source, basis, seed,
        PanelDraw.ALGORITHM, pool, order, invited, List.of(form.requiredText(INVITATION_SUPERVISOR_1, "监督人员"),
            form.requiredText(INVITATION_SUPERVISOR_2, "监督人员")),
        form.requiredText(INVITATION_DRAWN_BY, "抽取人"));
    execution.setVariable(INVITATION_DRAW_ID, id);
    execution.setVariable(INVITED_SUPPLIERS, new java.util.ArrayList<>(invited));
  }

  static List<String> strings(Object value) {
    if (value instanceof org.camunda.spin.json.SpinJsonNode node) {
      return node.elements().stream().map(org.camunda.spin.json.SpinJsonNode::stringValue).toList();
    }
    if (value instanceof java.util.Collection<?> items) {
      return items.stream().map(String::valueOf).toList();
    }
    throw new IllegalStateException("no qualified list");
  }
}
