package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;
import static org.publicservice.procurement.purchase.FormRules.reject;
import static org.publicservice.procurement.purchase.ProcurementTime.MINUTE_IN_WORDS;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.contract.SigningHolds;
import org.publicservice.procurement.identity.OrganisationNames;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.PublicLinks;
import org.publicservice.procurement.identity.ProcessKeys;
import org.publicservice.procurement.identity.SystemAccess;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Challenges (质疑), for the portal and the Tasklist start form. Each challenge runs in its own BidChallenge
 * instance, whatever stage the purchase is in, so that a challenge to the documents during the tender and one to the
 * result during the signing are handled alike and no stage has to wait for the windows. What may be challenged and
 * until when (政府采购法第五十二条; 实施条例第五十三条; 94号令第十条、第十一条), 7 working days counted from:
 * <ul>
 *   <li>the documents: the end of the tender notice's 5-working-day announcement period (87号令第十六条); any
 *   registered organisation may challenge them, since they are public on the portal (94号令第十一条第二款);</li>
 *   <li>the procedure: the end of its last step, the opening or the award notice period; bidders only;</li>
 *   <li>the result: the end of the 1-working-day award notice period (87号令第六十九条); bidders only (for a single
 *   source the supplier and the objectors of the publicity).</li>
 * </ul>
 * One challenge per supplier, subject and step (94号令第十条第二款). The department replies within 7 working days
 * (政府采购法第五十三条). A challenge filed while an award stands holds the signing until it is answered
 * (实施条例第五十四条; {@link SigningHolds}). A refused challenge throws
 * {@link org.publicservice.procurement.purchase.SubmissionRejectedException} with a Chinese message and changes nothing.
 */
@Component
public class Challenges {

  /** The supplier a call of {@link #file} files for; REST callers cannot set it, they are who they logged in as. */
  private static final ThreadLocal<String> FILING_SUPPLIER = new ThreadLocal<>();
  static final int MAX_GROUNDS = 4000;
  static final int DOCUMENTS_NOTICE_WORKING_DAYS = 5;
  static final int CHALLENGE_WORKING_DAYS = 7;
  static final int REPLY_WORKING_DAYS = 7;
  static final int COMPLAINT_WORKING_DAYS = 15;

  private final ProcessEngine engine;
  private final DisputeRecords records;
  private final DisclosureRegister register;
  private final AwardDecisions awards;
  private final SigningHolds holds;
  private final WorkingDayCalendar workingDays;
  private final PublicLinks links;

  public Challenges(@Lazy ProcessEngine engine, DisputeRecords records, DisclosureRegister register,
      AwardDecisions awards, SigningHolds holds, WorkingDayCalendar workingDays, PublicLinks links) {
    this.engine = engine;
    this.records = records;
    this.register = register;
    this.awards = awards;
    this.holds = holds;
    this.workingDays = workingDays;
    this.links = links;
  }

  /** Files a challenge to the result (the portal's and the tests' shortcut). */
  public String file(String projectNumber, String supplierUserId, String grounds) {
    return file(projectNumber, supplierUserId, ChallengeSubject.RESULT.name(), grounds);
  }

  /** Files the challenge (starts its BidChallenge instance) and returns its id. */
  @Transactional
  public String file(String projectNumber, String supplierUserId, String subject, String grounds) {
    if (supplierUserId == null || supplierUserId.isBlank()) {
      throw reject(null, "请登录后再提出质疑。");
    }
    FILING_SUPPLIER.set(supplierUserId);
    try {
      return SystemAccess.run(engine, () -> {
        var instance = engine.getRuntimeService().startProcessInstanceByKey(CHALLENGE_PROCESS_KEY,
            Variables.createVariables().putValue(PROJECT_NUMBER, projectNumber == null ? null : projectNumber.strip())
                .putValue(CHALLENGE_SUBJECT, subject).putValue(CHALLENGE_GROUNDS, grounds));
        return (String) engine.getRuntimeService().getVariable(instance.getId(), CHALLENGE_ID);
      });
    } finally {
      FILING_SUPPLIER.remove();
    }
  }

  /** The supplier {@link #file} is filing for in this thread, or {@code null} on a start through Tasklist/REST. */
  static String filingSupplier() {
    return FILING_SUPPLIER.get();
  }

  /** Checks and records the challenge at the start of its BidChallenge instance. */
  void register(DelegateExecution challenge, String projectNumber, String supplier, String subjectCode,
      String grounds) {
    if (projectNumber == null || projectNumber.isBlank()) {
      throw reject(PROJECT_NUMBER, "请填写项目编号。");
    }
    ChallengeSubject subject = ChallengeSubject.of(subjectCode)
        .orElseThrow(() -> reject(CHALLENGE_SUBJECT, "请选择质疑的对象（采购文件、采购过程或中标（成交）结果）。"));
    String text = grounds == null ? "" : grounds.strip();
    if (text.isEmpty()) {
      throw reject(CHALLENGE_GROUNDS, "请填写质疑事项及理由。");
    }
    if (text.length() > MAX_GROUNDS) {
      throw reject(CHALLENGE_GROUNDS, "质疑事项及理由不能超过" + MAX_GROUNDS + "个字。");
    }
    String project = projectNumber.strip().toUpperCase(Locale.ROOT);
    RuntimeService runtime = engine.getRuntimeService();
    ProcessInstance purchase = runtime.createProcessInstanceQuery().processDefinitionKey(PURCHASE_PROCESS_KEY)
        .processInstanceBusinessKey(project).singleResult();
    if (purchase == null) {
      throw reject(PROJECT_NUMBER, "项目" + project + "没有正在进行的采购活动，请核对项目编号。");
    }
    Map<String, Object> facts = runtime.getVariables(purchase.getId(), List.of("serviceName", "departmentName",
        "departmentGroup", "procurementMethod", OPENED_BIDS, "singleSourceSupplier", "singleSourceSupplierName"));
    boolean singleSource = "SINGLE_SOURCE".equals(facts.get("procurementMethod"));
    List<DisclosureNotice> notices = register.findByProject(project);

    Window window = window(project, subject, singleSource, notices);
    Date now = ClockUtil.getCurrentTime();
    if (now.after(window.end())) {
      throw reject(PROJECT_NUMBER, "项目" + project + "对" + subject.label() + "的质疑期已于"
          + ProcurementTime.MINUTE_IN_WORDS.format(window.end().toInstant().atZone(ProcurementTime.ZONE))
          + "结束，不再受理质疑。");
    }
    String supplierName = standing(project, subject, supplier, facts)
        .orElseThrow(() -> reject(null, subject == ChallengeSubject.DOCUMENTS
            ? "只有已登记的供应商（社会组织）才能对采购文件提出质疑。"
            : "只有参加本项目采购活动的供应商才能对" + subject.label() + "提出质疑。"));
    Optional<DisputeRecords.Challenge> earlier = records.challengesOf(project).stream()
        .filter(c -> c.bidder().equals(supplier) && subject.name().equals(c.subject())
            && Long.valueOf(window.notice().id()).equals(c.noticeId()))
        .findFirst();
    if (earlier.isPresent()) {
      throw reject(null, "贵单位已于" + ProcurementTime.MINUTE_IN_WORDS.format(
          earlier.get().filedAt().atZoneSameInstant(ProcurementTime.ZONE)) + "对本项目" + subject.label()
          + "提出质疑；对同一采购程序环节的质疑应一次性提出（财政部令第94号第十条）。");
    }

    Date replyDeadline = workingDays.after(ProcurementTime.today(), REPLY_WORKING_DAYS);
    Date complaintDeadline = WorkingDayCalendar.endOf(workingDays.addWorkingDays(
        replyDeadline.toInstant().atZone(ProcurementTime.ZONE).toLocalDate(), COMPLAINT_WORKING_DAYS));
    String id = UUID.randomUUID().toString();
    records.addChallenge(new DisputeRecords.Challenge(id, project, null, supplier, supplierName, grounds,
        offset(now), offset(replyDeadline), DisputeRecords.OPEN, null, null, null, offset(complaintDeadline),
        subject.name(), challenge.getProcessInstanceId(), window.notice().id(), null));
    boolean resultStands = awards.active(project).isPresent()
        || (singleSource && latest(notices, Set.of(NoticeType.AWARD_NOTICE)).isPresent());
    if (resultStands) {
      holds.hold(project, holdId(id), "供应商对" + subject.label() + "的质疑尚待答复（政府采购法实施条例第五十四条）");
    }

    challenge.setProcessBusinessKey(project);
    challenge.setVariable(PROJECT_NUMBER, project);
    challenge.setVariable(CHALLENGE_ID, id);
    challenge.setVariable(CHALLENGER, supplier);
    challenge.setVariable(CHALLENGER_NAME, supplierName);
    challenge.setVariable(CHALLENGE_SUBJECT, subject.name());
    challenge.setVariable(CHALLENGE_SUBJECT_NAME, subject.label());
    challenge.setVariable(CHALLENGE_GROUNDS, text);
    challenge.setVariable(CHALLENGE_REPLY_DEADLINE, replyDeadline);
    challenge.setVariable(CHALLENGE_REPLY_DEADLINE_TEXT, minute(replyDeadline));
    challenge.setVariable(COMPLAINT_WINDOW_END, complaintDeadline);
    challenge.setVariable(COMPLAINT_WINDOW_END_TEXT, minute(complaintDeadline));
    challenge.setVariable("projectLink", links.project(project));
    // 94号令第十三条: the reply also goes to the other suppliers concerned, the winner of the result challenged
    String winner = awards.active(project).map(AwardDecisions.Decision::winner)
        .orElse(singleSource ? (String) facts.get("singleSourceSupplier") : null);
    challenge.setVariable(PARTY_CONCERNED, winner == null || winner.equals(supplier) ? null : winner);
    for (String name : new String[] {"serviceName", "departmentName", "departmentGroup"}) {
      challenge.setVariable(name, facts.get(name));
    }
  }

  /** The hold a challenge puts on signing while it is unanswered. */
  static String holdId(String challengeId) {
    return "challenge:" + challengeId;
  }

  /** The notice that opened the window and the window's end. */
  record Window(DisclosureNotice notice, Date end) {
  }

  private Window window(String project, ChallengeSubject subject, boolean singleSource,
      List<DisclosureNotice> notices) {
    switch (subject) {
      case DOCUMENTS -> {
        if (singleSource) {
          throw reject(CHALLENGE_SUBJECT, "单一来源采购项目对公示内容有异议的，请在公示期内提出异议（财政部令第74号第三十九条）。");
        }
        DisclosureNotice notice = latest(notices, Set.of(NoticeType.TENDER_NOTICE)).orElseThrow(() ->
            reject(PROJECT_NUMBER, "项目" + project + "尚未发布采购公告，暂不受理对采购文件的质疑。"));
        return new Window(notice, endAfter(day(notice), DOCUMENTS_NOTICE_WORKING_DAYS + CHALLENGE_WORKING_DAYS));
      }
      case PROCESS -> {
        DisclosureNotice notice = latest(notices, Set.of(NoticeType.OPENING_RECORD, NoticeType.AWARD_NOTICE))
            .orElseThrow(() -> reject(PROJECT_NUMBER, "项目" + project + "尚无已结束的采购程序环节，暂不受理对采购过程的质疑。"));
        // the award step ends with its 1-working-day notice period; the opening with its record
        int stepEnds = notice.type() == NoticeType.AWARD_NOTICE ? 1 : 0;
        return new Window(notice, endAfter(day(notice), stepEnds + CHALLENGE_WORKING_DAYS));
      }
      default -> {
        DisclosureNotice notice = latest(notices, Set.of(NoticeType.AWARD_NOTICE)).orElseThrow(() ->
            reject(PROJECT_NUMBER, "项目" + project + "的中标（成交）结果尚未公告，暂不受理对结果的质疑。"));
        return new Window(notice, endAfter(day(notice), 1 + CHALLENGE_WORKING_DAYS));
      }
    }
  }

  /** The name of the supplier if it may challenge this subject. */
  private Optional<String> standing(String project, ChallengeSubject subject, String supplier,
      Map<String, Object> facts) {
    if (supplier == null) {
      return Optional.empty();
    }
    if (subject == ChallengeSubject.DOCUMENTS) {
      return Optional.ofNullable(OrganisationNames.nameOf(engine.getIdentityService(), supplier));
    }
    for (Map<String, Object> row : JsonValues.rows(facts.get(OPENED_BIDS))) {
      if (supplier.equals(String.valueOf(row.get("bidder")))) {
        Object name = row.get("bidderName");
        return Optional.of(name == null ? supplier : name.toString());
      }
    }
    if (supplier.equals(facts.get("singleSourceSupplier"))) {
      return Optional.of(String.valueOf(facts.get("singleSourceSupplierName")));
    }
    boolean objected = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.SINGLE_SOURCE_OBJECTION).processInstanceBusinessKey(project)
        .variableValueEquals("objector", supplier).count() > 0;
    return objected ? Optional.ofNullable(OrganisationNames.nameOf(engine.getIdentityService(), supplier))
        : Optional.empty();
  }

  private static Optional<DisclosureNotice> latest(List<DisclosureNotice> notices, Set<NoticeType> types) {
    return notices.stream().filter(n -> types.contains(n.type())).max(Comparator.comparingLong(DisclosureNotice::id));
  }

  private static LocalDate day(DisclosureNotice notice) {
    return notice.publishedAt().atZoneSameInstant(ProcurementTime.ZONE).toLocalDate();
  }

  /** The end (23:59:59) of the n-th working day after the day (the start day not counted: 94号令第四十二条). */
  private Date endAfter(LocalDate day, int workingDaysAfter) {
    return WorkingDayCalendar.endOf(workingDays.addWorkingDays(day, workingDaysAfter));
  }

  static String minute(Date date) {
    return ProcurementTime.MINUTE_IN_WORDS.format(date.toInstant().atZone(ProcurementTime.ZONE));
  }

  static OffsetDateTime offset(Date date) {
    return date.toInstant().atZone(ProcurementTime.ZONE).toOffsetDateTime();
  }
}
