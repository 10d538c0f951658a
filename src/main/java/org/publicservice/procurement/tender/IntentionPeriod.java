package org.publicservice.procurement.tender;

import static org.publicservice.procurement.purchase.FormRules.reject;
import static org.publicservice.procurement.tender.TenderVariables.URGENCY_REASON;
import static org.publicservice.procurement.tender.TenderVariables.URGENT_WITHOUT_INTENTION_PERIOD;

import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Component;

/**
 * The procurement intention is published at least 30 days before the procurement starts (财库〔2020〕10号 二: 采购意向公开
 * 时间原则上不得晚于采购活动开始前30日), so a tender, consultation or negotiation notice is published no earlier than 30
 * calendar days after the project's intention. The one exception of that notice: a purchase urgently needed for a
 * reason the budget unit could not foresee (因预算单位不可预见的原因急需开展的采购项目, which may even go without an
 * intention); the department states the reason, and the notice publishes it. The notice's other exceptions do not
 * arise on this platform: small purchases under framework agreements or designated suppliers, and batch purchases
 * of the central purchasing agency, are not tendered here, and classified information is not published here at all.
 * A later round of the same purchase (after a failed tender) follows the same intention, already older.
 */
@Component
public class IntentionPeriod {

  public static final int DAYS = 30;
  static final int MIN_REASON = 10;

  private final DisclosureRegister register;

  public IntentionPeriod(DisclosureRegister register) {
    this.register = register;
  }

  /** The day the project's procurement intention was first published, in Beijing. */
  public Optional<LocalDate> intentionDay(String projectNumber) {
    return register.findByProject(projectNumber).stream()
        .filter(notice -> notice.type() == NoticeType.PROCUREMENT_INTENTION)
        .map(DisclosureNotice::publishedAt).min(java.util.Comparator.naturalOrder())
        .map(at -> at.atZoneSameInstant(ProcurementTime.ZONE).toLocalDate());
  }

  /** The first day a notice of the project may be published: 30 days after its intention. */
  public Optional<LocalDate> earliestNoticeDay(String projectNumber) {
    return intentionDay(projectNumber).map(day -> day.plusDays(DAYS));
  }

  /**
   * Refuses documents whose notice would follow the intention too soon, unless the department declares the urgent
   * exception with its reason; records in {@code scope} whether the exception is used.
   */
  void check(String projectNumber, LocalDate today, VariableScope scope) {
    FormRules form = FormRules.of(scope);
    boolean urgent = Boolean.TRUE.equals(scope.getVariable(URGENT_WITHOUT_INTENTION_PERIOD))
        || "true".equals(String.valueOf(scope.getVariable(URGENT_WITHOUT_INTENTION_PERIOD)));
    Optional<LocalDate> earliest = earliestNoticeDay(projectNumber);
    if (earliest.isPresent() && !today.isBefore(earliest.get())) {
      scope.setVariable(URGENT_WITHOUT_INTENTION_PERIOD, false);
      scope.setVariable(URGENCY_REASON, null);
      return;
    }
    if (!urgent) {
      throw reject(URGENT_WITHOUT_INTENTION_PERIOD, earliest
          .map(day -> "采购意向公开时间原则上不得晚于采购活动开始前30日（财库〔2020〕10号）：本项目采购意向于"
              + ProcurementTime.DAY_IN_WORDS.format(day.minusDays(DAYS)) + "公开，招标（磋商）公告最早于"
              + ProcurementTime.DAY_IN_WORDS.format(day) + "发布。因不可预见的原因急需采购的，请勾选并写明原因。")
          .orElse("本项目尚未公开采购意向（财库〔2020〕10号），不能发布招标（磋商）公告。因不可预见的原因急需采购的，请勾选并写明原因。"));
    }
    String reason = form.optionalText(URGENCY_REASON);
    if (reason == null || reason.length() < MIN_REASON) {
      throw reject(URGENCY_REASON, "请写明急需采购的不可预见原因（至少" + MIN_REASON + "个字），该原因随公告公开。");
    }
    if (reason.length() > 1000) {
      throw reject(URGENCY_REASON, "急需采购的原因不能超过1000个字。");
    }
    scope.setVariable(URGENT_WITHOUT_INTENTION_PERIOD, true);
    scope.setVariable(URGENCY_REASON, reason);
  }
}
