package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.identity.SystemAccess;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Component;

/**
 * Draws the experts of the panel at random from the pool (group expert) and records seed, pool and picks
 * ({@link PanelDraw}). Five members; seven from a budget of 10,000,000 yuan, or for a technically complex or
 * high-social-impact project as the request (or the finance bureau's review) flagged it (87号令第四十七条); the
 * department's representative, if named, takes one seat, so experts stay at least two thirds (同条第一款). Each drawn expert
 * must then declare within {@link #DECLARATION_WORKING_DAYS} working day whether a conflict of interest with a
 * bidder bars him (回避, 实施条例 Art 9).
 */
@Component
public class DrawReviewPanelDelegate implements JavaDelegate {

  /** Working days a drawn expert has to declare conflicts; silence counts as declining the seat. */
  static final int DECLARATION_WORKING_DAYS = 1;

  private final ReviewRecords records;
  private final WorkingDayCalendar workingDays;

  public DrawReviewPanelDelegate(ReviewRecords records, WorkingDayCalendar workingDays) {
    this.records = records;
    this.workingDays = workingDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    BigDecimal budget = new BigDecimal(execution.getVariable(BUDGET).toString());
    boolean withRepresentative = execution.getVariable(REPRESENTATIVE) != null;
    PanelDraw.Size panelSize = PanelDraw.panelSize(budget, Boolean.TRUE.equals(execution.getVariable(TECHNICALLY_COMPLEX)),
        Boolean.TRUE.equals(execution.getVariable(HIGH_SOCIAL_IMPACT)));
    int size = panelSize.members();
    int seats = PanelDraw.expertSeats(size, withRepresentative);

    String representative = (String) execution.getVariable(REPRESENTATIVE);
    // someone in both groups sits once, as the department's representative
    List<String> pool = pool(execution.getProcessEngineServices().getIdentityService()).stream()
        .filter(user -> !user.equals(representative)).toList();
    if (pool.size() < seats) {
      // the administrators must enlarge the pool; the step then succeeds on retry from Cockpit
      throw new IllegalStateException("专家库只有" + pool.size() + "名专家，不足抽取" + seats + "名评审专家。");
    }
    long seed = PanelDraw.newSeed();
    List<String> order = PanelDraw.drawOrder(seed, pool);
    long drawId = records.recordDraw(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), seed,
        pool, order, size, seats, panelSize.basis());
    List<String> drawn = new ArrayList<>(order.subList(0, seats));
    for (int i = 0; i < seats; i++) {
      records.recordPick(drawId, i + 1, drawn.get(i), null);
    }
    execution.setVariable(PANEL_DRAW_ID, drawId);
    execution.setVariable(DECLARATIONS_PENDING, drawn);
    execution.setVariable(DECLARATION_DUE, workingDays.after(ProcurementTime.today(), DECLARATION_WORKING_DAYS));
    execution.setVariable(PANEL_COMPLETE, false);
    StringBuilder bidders = new StringBuilder();
    List<OpenedBid> bids = OpenedBid.list(execution.getVariable(OPENED_BIDS));
    for (int i = 0; i < bids.size(); i++) {
      bidders.append(i + 1).append(". ").append(bids.get(i).bidderName()).append('\n');
    }
    // a line per bid, and an open tender takes any number of bids: more than a String variable holds
    execution.setVariable(BIDDER_LIST, JsonValues.longText(bidders.toString()));
  }

  /** The pool: every member of group expert, sorted by user id so that the recorded order is unambiguous. */
  static List<String> pool(IdentityService identity) {
    return SystemAccess.run(() -> identity.createUserQuery().memberOfGroup(Groups.EXPERT).orderByUserId()
        .asc().list()).stream().map(User::getId).sorted().toList();
  }
}
