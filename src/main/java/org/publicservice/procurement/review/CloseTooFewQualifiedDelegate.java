package org.publicservice.procurement.review;

import static org.publicservice.procurement.disclosure.NoticeText.line;
import static org.publicservice.procurement.review.ReviewVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.notification.Notifications;
import org.publicservice.procurement.purchase.PublicLinks;
import org.publicservice.procurement.purchase.PurchaseIdentity;
import org.springframework.stereotype.Component;

/**
 * Fewer qualified bids than the method requires: no evaluation takes place (87号令第四十四条). The stage ends with
 * TOO_FEW_QUALIFIED and the reason the tender stage shows when it decides how to go on. The failed tender is
 * published as the tender stage publishes its own (废标公告: the public learns why the purchase starts again), and
 * the department is told.
 */
@Component
public class CloseTooFewQualifiedDelegate implements JavaDelegate {

  static final String MAIL_TOO_FEW = "review-too-few-qualified";

  private final Notifications notifications;
  private final DisclosureRegister register;
  private final PublicLinks links;

  public CloseTooFewQualifiedDelegate(Notifications notifications, DisclosureRegister register,
      PublicLinks links) {
    this.notifications = notifications;
    this.register = register;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long qualified = ((Number) execution.getVariable(QUALIFIED_COUNT)).longValue();
    long minimum = ((Number) execution.getVariable(MINIMUM_BIDS)).longValue();
    String reason = "资格审查后合格投标人只有" + qualified + "家，不足" + minimum + "家，不进行评标（政府采购货物和服务招标投标管理办法第四十四条）。";
    PurchaseIdentity purchase = PurchaseIdentity.of(execution);
    StringBuilder text = new StringBuilder();
    line(text, "项目编号", purchase.projectNumber());
    line(text, "项目名称", purchase.serviceName());
    line(text, "采购单位", purchase.departmentName());
    line(text, "废标理由", reason);
    text.append("采购单位将依法重新组织采购，另行公告。\n");
    register.publish(purchase.projectNumber(), NoticeType.FAILED_TENDER, purchase.noticeTitle("废标公告"),
        text.toString(), purchase.departmentName(), execution.getProcessInstanceId());
    execution.setVariable(REVIEW_OUTCOME, TOO_FEW_QUALIFIED);
    execution.setVariable(FAILED_TENDER_REASON, reason);
    notifications.toGroup(execution, (String) execution.getVariable(DEPARTMENT_GROUP), MAIL_TOO_FEW,
        Map.of("reason", reason, "tasklistLink", links.tasklist()));
  }
}
