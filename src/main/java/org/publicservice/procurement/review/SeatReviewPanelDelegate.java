package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.publicservice.procurement.identity.OrganisationNames;
import org.publicservice.procurement.identity.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * Seats the panel once every drawn expert has accepted: the experts in the order drawn, the first of them as
 * chair, the department's representative last (he never chairs, 87号令第四十五条第四项). The chair records the panel's
 * common findings; the compliance review that follows takes the qualified bids one by one.
 */
@Component
public class SeatReviewPanelDelegate implements JavaDelegate {


  private final ReviewRecords records;

  public SeatReviewPanelDelegate(ReviewRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    ReviewRecords.Draw draw = records.draw(((Number) execution.getVariable(PANEL_DRAW_ID)).longValue());
    List<String> experts = draw.picks().stream().filter(p -> ReviewRecords.ACCEPTED.equals(p.status()))
        .map(ReviewRecords.Pick::userId).toList();
    if (experts.size() != draw.expertSeats()) {
      throw new IllegalStateException("panel incomplete: " + experts.size() + " of " + draw.expertSeats());
    }
    List<PanelMember> panel = new ArrayList<>();
    List<String> members = new ArrayList<>();
    for (int i = 0; i < experts.size(); i++) {
      panel.add(member(identity, experts.get(i), i == 0 ? PanelMember.CHAIR : PanelMember.EXPERT));
      members.add(experts.get(i));
    }
    String representative = (String) execution.getVariable(REPRESENTATIVE);
    if (representative != null) {
      panel.add(member(identity, representative, PanelMember.DEPARTMENT_REPRESENTATIVE));
      members.add(representative);
    }
    execution.setVariable(PANEL, PanelMember.json(panel));
    execution.setVariable(PANEL_MEMBERS, members);
    execution.setVariable(PANEL_CHAIR, experts.get(0));
    execution.setVariable(COMPLIANCE_BIDS, OpenedBid.list(execution.getVariable(QUALIFIED_BIDS)).stream()
        .map(OpenedBid::bidId).toList());
  }

  /**
   * The scoring guide the score sheets show, once the valid bids are known; each member's sheet, with a row per
   * valid bid and criterion, is made when his task is created ({@link ScoreSheetValidator}).
   */
  static void prepareScoring(DelegateExecution execution) {
    List<Criterion> criteria = Criterion.list(execution.getVariable(EVALUATION_CRITERIA));
    StringBuilder guide = new StringBuilder("评分项及分值：");
    for (int c = 1; c <= criteria.size(); c++) {
      Criterion criterion = criteria.get(c - 1);
      guide.append(c == 1 ? "" : "；").append(criterion.name()).append(' ').append(plain(criterion.maxScore()))
          .append("分");
    }
    Object weight = execution.getVariable(PRICE_WEIGHT);
    guide.append("。价格分（").append(plain(new BigDecimal(weight.toString())))
        .append("分）由系统按“评标基准价（最低有效报价）÷投标报价×价格权重”计算，无需打分。");
    execution.setVariable(SCORING_GUIDE, guide.toString());
  }

  private static PanelMember member(IdentityService identity, String userId, String role) {
    User user = SystemAccess.run(() -> identity.createUserQuery().userId(userId).singleResult());
    return new PanelMember(userId, user == null ? userId : OrganisationNames.displayName(user), role);
  }

  static String plain(BigDecimal number) {
    return number.stripTrailingZeros().toPlainString();
  }
}
