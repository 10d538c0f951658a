package org.publicservice.procurement.participation;

import static org.publicservice.procurement.participation.CommentRefusedException.Reason.CLOSED;
import static org.publicservice.procurement.participation.CommentRefusedException.Reason.INVALID;
import static org.publicservice.procurement.participation.CommentRefusedException.Reason.TOO_MANY;
import static org.publicservice.procurement.participation.CommentRefusedException.Reason.UNKNOWN_PROJECT;
import static org.publicservice.procurement.participation.CommentVariables.*;
import static org.publicservice.procurement.purchase.ProcurementTime.MINUTE;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.planning.PlanningVariables;
import org.publicservice.procurement.planning.PurchasePlans;
import org.publicservice.procurement.planning.PurchasePlans.PurchasePlan;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives residents' comments on a procurement intention and hands each to the purchasing department as an
 * {@code IntentionComment} process.
 *
 * <p>The rule for when comments are taken: from the publication of the project's procurement intention until the
 * project publishes its next notice (the tender or single-source notice). The intention exists so that the public
 * can react before the purchase is fixed (财库〔2020〕10号 asks for it at least 30 days ahead); once the
 * procurement documents are out, questions and objections follow their own statutory routes (clarification,
 * 质疑, single-source objection). A refused comment changes nothing.
 */
@Service
public class IntentionCommentDesk {

  private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\"',;]+@[^@\\s<>\"',;]+\\.[^@\\s<>\"',;.]+");
  /** Control characters other than line breaks and tabs: they display as nothing and PostgreSQL refuses NUL. */
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

  /** Whether a project takes comments now, and if not, why (Chinese, for the page). */
  public record Period(boolean open, String reason) {
  }

  private final IntentionComments comments;
  private final DisclosureRegister register;
  private final PurchasePlans plans;
  private final RuntimeService runtimeService;
  private final int perAddressPerHour;
  private final SecretKeySpec clientKeySecret;

  public IntentionCommentDesk(IntentionComments comments, DisclosureRegister register, PurchasePlans plans,
      RuntimeService runtimeService,
      @Value("${procurement.portal.comments-per-address-per-hour:20}") int perAddressPerHour) {
    this.comments = comments;
    this.register = register;
    this.plans = plans;
    this.runtimeService = runtimeService;
    this.perAddressPerHour = perAddressPerHour;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    // a new key at every start: the limit only needs recent senders, and the stored keys cannot be reversed
    this.clientKeySecret = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** Whether comments on the project are taken now; {@code Optional.empty()} for an unknown project. */
  public Optional<Period> period(String projectNumber) {
    List<DisclosureNotice> notices = register.findByProject(projectNumber);
    Optional<PurchasePlan> plan = plans.find(projectNumber);
    if (notices.isEmpty() && plan.isEmpty()) {
      return Optional.empty();
    }
    if (plan.isEmpty() || notices.stream().noneMatch(n -> n.type() == NoticeType.PROCUREMENT_INTENTION)) {
      return Optional.of(new Period(false, "本项目没有公开采购意向，不征求公众意见。"));
    }
    return Optional.of(notices.stream().filter(n -> n.type() != NoticeType.PROCUREMENT_INTENTION).findFirst()
        .map(later -> new Period(false,
            "本项目已发布" + later.type().label() + "，采购意向征求意见已结束。"))
        .orElse(new Period(true, null)));
  }

  /**
   * Checks and stores the comment and starts the department's task; returns the comment's id. Refuses with a
   * {@link CommentRefusedException} and stores nothing when a rule is broken.
   */
  @Transactional
  public long receive(String projectNumber, String name, String text, String replyAddress, String clientKey) {
    Period period = period(projectNumber).orElseThrow(() -> new CommentRefusedException(UNKNOWN_PROJECT,
        "没有找到该项目，请核对项目编号。"));
    if (!period.open()) {
      throw new CommentRefusedException(CLOSED, period.reason());
    }
    String commentText = normalise(text);
    if (commentText == null) {
      throw new CommentRefusedException(INVALID, "请填写意见内容。");
    }
    if (commentText.length() > MAX_TEXT) {
      throw new CommentRefusedException(INVALID,
          "意见内容不能超过" + MAX_TEXT + "个字，现有" + commentText.length() + "个字。");
    }
    String commenter = normalise(name);
    if (commenter != null && (commenter.length() > MAX_NAME || commenter.contains("\n"))) {
      throw new CommentRefusedException(INVALID, "姓名不能超过" + MAX_NAME + "个字，且只能写一行。");
    }
    String address = normalise(replyAddress);
    if (address != null && (address.length() > MAX_ADDRESS || !ADDRESS.matcher(address).matches())) {
      throw new CommentRefusedException(INVALID, "电子邮箱格式不正确，例如 zhangsan@example.com；不需要答复可不填。");
    }
    OffsetDateTime now = ProcurementTime.now();
    if (comments.isRepeated(projectNumber, clientKey, commentText)) {
      throw new CommentRefusedException(TOO_MANY, "您已就本项目提交过相同的意见，无需重复提交。");
    }
    if (comments.countFromClient(clientKey, now.minusHours(1), now.plusSeconds(1)) >= perAddressPerHour) {
      throw new CommentRefusedException(TOO_MANY, "提交过于频繁，请一小时后再试。");
    }
    PurchasePlan plan = plans.find(projectNumber).orElseThrow();
    long id = comments.add(new IntentionComments.NewComment(projectNumber, commenter, commentText, address,
        clientKey, now));
    var process = runtimeService.startProcessInstanceByKey(PROCESS_KEY, projectNumber, Variables.createVariables()
        .putValue(COMMENT_ID, id)
        .putValue(PlanningVariables.PROJECT_NUMBER, projectNumber)
        .putValue(PlanningVariables.SERVICE_NAME, plan.serviceName())
        .putValue(PlanningVariables.DEPARTMENT_GROUP, plan.departmentGroup())
        .putValue(PlanningVariables.DEPARTMENT_NAME, plan.departmentName())
        .putValue(COMMENTER_NAME, commenter == null ? UNSIGNED : commenter)
        .putValue(COMMENT_TEXT, commentText)
        .putValue(COMMENT_RECEIVED_AT, MINUTE.format(now))
        .putValue(REPLY_REQUESTED, address != null));
    comments.attachProcess(id, process.getId());
    return id;
  }

  /** A keyed hash of the sender's network address: enough to count, useless to identify anyone. */
  public String clientKey(String remoteAddress) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(clientKeySecret);
      byte[] hash = mac.doFinal(String.valueOf(remoteAddress).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Trimmed text with Unix line breaks, {@code null} when blank; refuses invisible control characters. */
  static String normalise(String text) {
    if (text == null) {
      return null;
    }
    String unix = text.replace("\r\n", "\n").replace('\r', '\n').strip();
    if (CONTROL.matcher(unix).find()) {
      throw new CommentRefusedException(INVALID, "提交的内容含有无法显示的控制字符，请删除后重新提交。");
    }
    return unix.isEmpty() ? null : unix;
  }
}
