package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.notification.Notifications;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.PublicLinks;
import org.springframework.stereotype.Component;

/**
 * After a round of declarations, replaces every expert who declared a conflict or did not answer in time by the
 * next expert of the recorded draw order (a new random draw from the rest of the pool), tells the released
 * experts that they no longer sit, and opens the next round for the new picks. The panel is complete when no one
 * is left to replace.
 */
@Component
public class ReplaceDeclinedExpertsDelegate implements JavaDelegate {

  static final String MAIL_RELEASED = "review-panel-released";

  private final ReviewRecords records;
  private final WorkingDayCalendar workingDays;
  private final Notifications notifications;
  private final PublicLinks links;

  public ReplaceDeclinedExpertsDelegate(ReviewRecords records, WorkingDayCalendar workingDays,
      Notifications notifications, PublicLinks links) {
    this.records = records;
    this.workingDays = workingDays;
    this.notifications = notifications;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long drawId = ((Number) execution.getVariable(PANEL_DRAW_ID)).longValue();
    ReviewRecords.Draw draw = records.draw(drawId);
    Set<String> picked = new HashSet<>();
    Set<String> replaced = new HashSet<>();
    for (ReviewRecords.Pick pick : draw.picks()) {
      picked.add(pick.userId());
      if (pick.replacesUserId() != null) {
        replaced.add(pick.replacesUserId());
      }
    }
    List<ReviewRecords.Pick> declined = draw.picks().stream()
        .filter(p -> ReviewRecords.DECLARED_CONFLICT.equals(p.status()) || ReviewRecords.NO_ANSWER.equals(p.status()))
        .filter(p -> !replaced.contains(p.userId())).toList();
    List<String> remaining = draw.drawOrder().stream().filter(u -> !picked.contains(u)).toList();
    if (remaining.size() < declined.size()) {
      throw new IllegalStateException("专家库中可替补的专家不足：需替补" + declined.size() + "名，剩余" + remaining.size()
          + "名。请补充专家库后由管理员处理本项目的专家抽取。");
    }
    int order = draw.picks().size();
    List<String> newPicks = new ArrayList<>();
    for (int i = 0; i < declined.size(); i++) {
      ReviewRecords.Pick gone = declined.get(i);
      String next = remaining.get(i);
      records.recordPick(drawId, ++order, next, gone.userId());
      newPicks.add(next);
      notifications.toUser(execution, gone.userId(), MAIL_RELEASED, Map.of("releaseReason",
          ReviewRecords.NO_ANSWER.equals(gone.status()) ? "未在规定时间内作出回避声明" : "您声明与投标人存在利害关系，依法回避", "tasklistLink", links.tasklist()));
    }
    execution.setVariable(DECLARATIONS_PENDING, newPicks);
    execution.setVariable(PANEL_COMPLETE, newPicks.isEmpty());
    if (!newPicks.isEmpty()) {
      execution.setVariable(DECLARATION_DUE, workingDays.after(ProcurementTime.today(),
          DrawReviewPanelDelegate.DECLARATION_WORKING_DAYS));
    }
  }
}
