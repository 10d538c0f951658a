package org.publicservice.procurement.evaluation;

import static org.publicservice.procurement.disclosure.NoticeText.line;
import static org.publicservice.procurement.evaluation.EvaluationVariables.*;
import static org.publicservice.procurement.purchase.Money.yuan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.PublicLinks;
import org.publicservice.procurement.purchase.PurchaseIdentity;
import org.publicservice.procurement.rating.ServiceRatings;
import org.springframework.stereotype.Component;

/**
 * Publishes the evaluation result (实施条例第四十五条: the acceptance result of a public service in which service
 * recipients take part is published): grade, scores, the public's average rating and the final payment. Ratings
 * appear only as counts and averages.
 */
@Component
public class PublishEvaluationResultDelegate implements JavaDelegate {

  private final DisclosureRegister register;
  private final ServiceRatings ratings;
  private final FinalPayments payments;
  private final PublicLinks links;

  public PublishEvaluationResultDelegate(DisclosureRegister register, ServiceRatings ratings, FinalPayments payments,
      PublicLinks links) {
    this.register = register;
    this.ratings = ratings;
    this.payments = payments;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormRules result = FormRules.of(execution);
    long evaluationId = ((Number) execution.getVariable(EVALUATION_ID)).longValue();
    PurchaseIdentity purchase = PurchaseIdentity.of(execution);
    var payment = payments.find(evaluationId).orElseThrow(() -> new IllegalStateException(
        "the final payment of evaluation " + evaluationId + " is recorded before the result is published"));

    StringBuilder text = new StringBuilder();
    line(text, "项目编号", purchase.projectNumber());
    line(text, "采购单位", purchase.departmentName());
    line(text, "项目名称", purchase.serviceName());
    line(text, "承接主体", result.requiredText(CONTRACTOR_NAME, "承接主体"));
    if (result.optionalText(CONTRACT_ID) != null) {
      line(text, "合同编号", result.optionalText(CONTRACT_ID));
    }
    line(text, "评价等级", result.requiredText(GRADE_NAME, "评价等级"));
    line(text, "综合得分", points(execution.getVariable(SCORE)));
    line(text, "第三方评价得分", points(execution.getVariable(THIRD_PARTY_SCORE_TOTAL)));
    line(text, "承接主体自评得分", points(execution.getVariable(SELF_SCORE_TOTAL)));
    var summary = ratings.summary(evaluationId);
    line(text, "服务对象和居民评价", summary.rated()
        ? summary.ratings() + "人评价，平均" + summary.average() + "星（满分5星），满意度得分" + summary.satisfactionScore() + "分"
        : "评价期内无人评价，满意度未计入");
    for (var indicator : summary.indicators()) {
      if (indicator.ratings() > 0) {
        line(text, "  " + indicator.name(), "平均" + indicator.average() + "星（" + indicator.ratings() + "人）");
      }
    }
    line(text, "尾款支付", yuan(payment.amount()) + "（合同尾款" + yuan(payment.milestoneAmount()) + "的"
        + payment.share().multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP) + "%）");
    var notice = register.publish(purchase.projectNumber(), NoticeType.EVALUATION_RESULT,
        purchase.noticeTitle("绩效评价结果公告"),
        text.toString(), purchase.departmentName(), execution.getProcessInstanceId());
    execution.setVariable(EVALUATION_NOTICE_LINK, links.notice(notice.id()));
  }

  private static String points(Object score) {
    return new BigDecimal(score.toString()).setScale(2, RoundingMode.HALF_UP) + "分";
  }
}
