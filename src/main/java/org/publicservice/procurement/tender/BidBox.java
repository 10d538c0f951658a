package org.publicservice.procurement.tender;

import static org.publicservice.procurement.purchase.FormRules.reject;
import static org.publicservice.procurement.purchase.ProcurementTime.MINUTE_IN_WORDS;
import static org.publicservice.procurement.purchase.ProcurementTime.SECOND_IN_WORDS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.publicservice.procurement.award.BondRefunds;
import org.publicservice.procurement.identity.OrganisationNames;
import org.publicservice.procurement.identity.SystemAccess;
import org.publicservice.procurement.notification.Notifications;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.Money;
import org.publicservice.procurement.purchase.PublicLinks;
import org.publicservice.procurement.purchase.PurchaseIdentity;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.supplier.Suppliers;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sealed bid box of a tender (政府采购法第三十五条; 87号令第三十三条、第三十九条至第四十一条). Registered suppliers submit,
 * replace and withdraw bids until the bid deadline; before the opening nobody can read a bid's price or content:
 * they are stored only sealed ({@link BidSealing}) in table {@code tender_bid}, never in process variables, and
 * this class unseals them only at the opening, after the deadline by the engine clock, or for the bidder itself
 * ({@link #ownBid}). Officials may know how many bids arrived ({@link #countBids}), nothing more.
 *
 * <p>The bidder methods are for the portal, which passes the logged-in organisation's user id. Every refusal is a
 * {@link org.publicservice.procurement.purchase.SubmissionRejectedException} with a Chinese message, thrown before
 * anything is written; nothing a bidder does touches a process instance, so it can never cause an incident.
 */
@Component
public class BidBox {

  static final String OPEN = "OPEN";
  static final String OPENED = "OPENED";
  static final String FAILED = "FAILED";
  static final String ACTIVE = "ACTIVE";
  static final String SUPERSEDED = "SUPERSEDED";
  static final String WITHDRAWN = "WITHDRAWN";
  static final String RETURNED = "RETURNED";
  static final int MAX_TEXT = 20000;
  static final String MAIL_BID_RECEIVED = "bid-received";
  static final String MAIL_BID_WITHDRAWN = "bid-withdrawn";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcClient jdbc;
  private final BidSealing sealing;
  private final BidDrafts drafts;
  private final Notifications notifications;
  private final PublicLinks links;
  private final IdentityService identityService;
  private final ProcessEngine processEngine;
  private final BidAttachments attachments;
  private final Suppliers suppliers;
  private final BondRefunds refunds;
  private final SecureRandom random = new SecureRandom();

  public BidBox(JdbcClient jdbc, BidSealing sealing, BidDrafts drafts, Notifications notifications, PublicLinks links,
      @Lazy IdentityService identityService, @Lazy ProcessEngine processEngine, BidAttachments attachments,
      Suppliers suppliers, BondRefunds refunds) {
    this.jdbc = jdbc;
    this.refunds = refunds;
    this.sealing = sealing;
    this.drafts = drafts;
    this.notifications = notifications;
    this.links = links;
    this.identityService = identityService;
    this.processEngine = processEngine;
    this.attachments = attachments;
    this.suppliers = suppliers;
  }

  // ---------------------------------------------------------------- bidders (portal)

  /** Seals and stores the bid without files; an earlier bid of the same bidder in this round is superseded. */
  @Transactional
  public BidReceipt submit(String projectNumber, String bidderUserId, BidContent content) {
    return submit(projectNumber, bidderUserId, content, List.of(), Set.of());
  }

  /**
   * Seals and stores the bid with its new files; an earlier bid of the same bidder in this round is superseded and
   * destroyed, except the files of it that {@code keepFileIds} names, which pass to the new bid unread.
   */
  @Transactional
  public BidReceipt submit(String projectNumber, String bidderUserId, BidContent content,
      List<BidAttachments.NewFile> files, Set<String> keepFileIds) {
    BidContent stated = validated(content);
    String bidderName = registeredOrganisation(bidderUserId);
    CallRow call = lockedOpenCall(projectNumber, "投标");
    if (!invited(call, bidderUserId)) {
      throw reject(null, "项目" + call.projectNumber() + "只接受受邀请的供应商投标（邀请招标或与特定供应商的竞争性谈判），"
          + "贵单位未受邀请。");
    }
    if (stated.price().compareTo(call.budget()) > 0) {
      throw reject("price", "投标报价" + yuan(stated.price()) + "超过项目预算" + yuan(call.budget()) + "，不能提交。");
    }
    SmePolicy.checkBidder(call.reservation(), suppliers.find(bidderUserId).orElse(null), stated.smeDeclaration());
    BidBond.Lodged bond = BidBond.check(call.bidBond(), stated.bondForm(), stated.bondReference());
    BidContent bid = new BidContent(stated.price(), stated.servicePlan(), stated.team(), stated.qualifications(),
        stated.smeDeclaration(), bond.form(), bond.reference());
    OffsetDateTime now = ProcurementTime.now();
    Optional<BidRow> earlier = activeBid(call, bidderUserId);
    List<BidAttachments.FileInfo> kept = earlier.map(b -> attachments.filesOf(b.id())).orElse(List.of()).stream()
        .filter(file -> keepFileIds.contains(file.id())).toList();
    List<BidAttachments.CheckedFile> checked = BidAttachments.check(files, kept);
    boolean replacing = earlier.isPresent();
    String bidId = UUID.randomUUID().toString();
    String receiptCode = call.projectNumber() + "-" + call.round() + "-"
        + HexFormat.of().withUpperCase().formatHex(randomBytes(5));
    BidSealing.Sealed sealed = sealing.seal(identity(bidId, call, bidderUserId), toJson(bid));
    jdbc.sql("""
            INSERT INTO tender_bid (id, project_number, round_no, bidder, bidder_name, submitted_at, receipt_code,
                                    bid_status, wrapped_key, sealed_content)
            VALUES (:id, :project, :round, :bidder, :name, :at, :receipt, :status, :key, :content)""")
        .param("id", bidId).param("project", call.projectNumber()).param("round", call.round())
        .param("bidder", bidderUserId).param("name", bidderName).param("at", now).param("receipt", receiptCode)
        .param("status", ACTIVE).param("key", sealed.wrappedKey()).param("content", sealed.content())
        .update();
    attachments.store(bidId, call.projectNumber(), call.round(), bidderUserId, checked, now);
    earlier.ifPresent(old -> {
      attachments.keep(old.id(), bidId, kept.stream().map(BidAttachments.FileInfo::id).toList());
      destroyBid(old.id(), SUPERSEDED, now);
    });
    // the bid now holds what the organisation typed: its draft and a withdrawn bid's content are not needed
    drafts.destroy(call, bidderUserId, BidDrafts.Kind.DRAFT, BidDrafts.Kind.WITHDRAWN);
    Map<String, Object> model = mailModel(call);
    model.put("submittedAt", SECOND_IN_WORDS.format(now));
    model.put("receiptCode", receiptCode);
    model.put("replaced", replacing ? "本次投标已替换贵单位此前提交的投标文件，此前的投标文件已作废。" : "");
    notifications.toUser(bidderUserId, MAIL_BID_RECEIVED, MAIL_BID_RECEIVED + ":" + bidId, model);
    return new BidReceipt(call.projectNumber(), call.round(), bidderUserId, now, receiptCode);
  }

  /**
   * Withdraws the bidder's bid before the deadline: the bid leaves the box (it will not be opened) and its content
   * is kept, sealed for the bidder alone, to be offered back if it bids again before the deadline.
   */
  @Transactional
  public void withdraw(String projectNumber, String bidderUserId) {
    registeredOrganisation(bidderUserId);
    CallRow call = lockedOpenCall(projectNumber, "撤回投标");
    OffsetDateTime now = ProcurementTime.now();
    List<BondRefunds.Owed> bond = new ArrayList<>();
    activeBid(call, bidderUserId).filter(bid -> bid.sealedContent() != null).ifPresent(bid -> {
      BidContent content = unseal(bid);
      drafts.keep(call, bidderUserId, BidDrafts.Kind.WITHDRAWN, BidForm.of(content), now);
      statedBond(call, bid, content).ifPresent(bond::add);
    });
    if (destroyActiveBid(call, bidderUserId, WITHDRAWN, now) == 0) {
      throw reject(null, "贵单位在项目" + call.projectNumber() + "中没有可撤回的投标。");
    }
    // 87号令第三十八条: the bond goes back within 5 working days of the written withdrawal; the content kept for
    // bidding again is no bond, and a bond lodged with a new bid is a new one
    refundBonds(call, bond);
    Map<String, Object> model = mailModel(call);
    model.put("withdrawnAt", SECOND_IN_WORDS.format(now));
    notifications.toUser(bidderUserId, MAIL_BID_WITHDRAWN,
        MAIL_BID_WITHDRAWN + ":" + call.projectNumber() + ":" + call.round() + ":" + bidderUserId + ":" + now,
        model);
  }

  /** The receipt of the bidder's valid bid in the project's latest round. */
  public Optional<BidReceipt> receiptOf(String projectNumber, String bidderUserId) {
    return latestCall(projectNumber).flatMap(call -> jdbc.sql("""
            SELECT * FROM tender_bid WHERE project_number = :project AND round_no = :round AND bidder = :bidder
              AND bid_status = :active""")
        .param("project", call.projectNumber()).param("round", call.round()).param("bidder", bidderUserId)
        .param("active", ACTIVE)
        .query((rs, row) -> new BidReceipt(rs.getString("project_number"), rs.getInt("round_no"),
            rs.getString("bidder"), rs.getObject("submitted_at", OffsetDateTime.class), rs.getString("receipt_code")))
        .optional());
  }

  /**
   * The bidder's own valid bid, unsealed for it alone. The portal passes the logged-in organisation; when the
   * engine knows the caller (Tasklist, REST), anybody else is refused.
   */
  public Optional<BidContent> ownBid(String projectNumber, String bidderUserId) {
    callerIs(bidderUserId);
    return latestCall(projectNumber).flatMap(call -> activeBid(call, bidderUserId))
        .filter(bid -> bid.sealedContent() != null)
        .map(this::unseal);
  }

  /** A draft as its organisation saved it, and when. */
  public record SavedDraft(BidForm form, OffsetDateTime savedAt) {
  }

  /**
   * Keeps what the organisation typed, sealed for it alone, until it submits or the deadline passes; incomplete
   * content is welcome, only the lengths of the bid form apply. Returns when it was saved.
   */
  @Transactional
  public OffsetDateTime saveDraft(String projectNumber, String bidderUserId, BidForm form) {
    registeredOrganisation(bidderUserId);
    CallRow call = lockedOpenCall(projectNumber, "保存草稿");
    Map<String, String> tooLong = form.lengthProblems();
    if (!tooLong.isEmpty()) {
      var first = tooLong.entrySet().iterator().next();
      throw reject(first.getKey(), first.getValue());
    }
    OffsetDateTime now = ProcurementTime.now();
    drafts.keep(call, bidderUserId, BidDrafts.Kind.DRAFT, form, now);
    return now;
  }

  /** The organisation's saved draft of the open round, for it alone; nothing after the deadline. */
  public Optional<SavedDraft> draft(String projectNumber, String bidderUserId) {
    return draft(projectNumber, bidderUserId, BidDrafts.Kind.DRAFT);
  }

  /** The content of the bid the organisation withdrew in the open round, for it alone; nothing after the deadline. */
  public Optional<SavedDraft> withdrawnBid(String projectNumber, String bidderUserId) {
    return draft(projectNumber, bidderUserId, BidDrafts.Kind.WITHDRAWN);
  }

  /** Whether the organisation keeps an unsent draft in the open round (for its list of tenders). */
  public boolean hasDraft(String projectNumber, String bidderUserId) {
    callerIs(bidderUserId);
    return latestCall(projectNumber)
        .filter(call -> OPEN.equals(call.status()) && ProcurementTime.now().isBefore(call.bidDeadline()))
        .map(call -> drafts.exists(call, bidderUserId, BidDrafts.Kind.DRAFT)).orElse(false);
  }

  /** Destroys the organisation's saved draft of the open round. */
  @Transactional
  public void discardDraft(String projectNumber, String bidderUserId) {
    registeredOrganisation(bidderUserId);
    CallRow call = lockedOpenCall(projectNumber, "删除草稿");
    drafts.destroy(call, bidderUserId, BidDrafts.Kind.DRAFT);
  }

  private Optional<SavedDraft> draft(String projectNumber, String bidderUserId, BidDrafts.Kind kind) {
    callerIs(bidderUserId);
    return latestCall(projectNumber)
        .filter(call -> OPEN.equals(call.status()) && ProcurementTime.now().isBefore(call.bidDeadline()))
        .flatMap(call -> drafts.read(call, bidderUserId, kind));
  }

  /** When the engine knows the caller (Tasklist, REST), only the bidder itself may read its bid or drafts. */
  private void callerIs(String bidderUserId) {
    var caller = identityService.getCurrentAuthentication();
    if (caller != null && caller.getUserId() != null && !caller.getUserId().equals(bidderUserId)) {
      throw reject(null, "只有投标人本人可以查看自己的投标文件。");
    }
  }

  private BidContent unseal(BidRow bid) {
    return fromJson(sealing.unseal(identity(bid.id(), bid.projectNumber(), bid.round(), bid.bidder()),
        bid.wrappedKey(), bid.sealedContent()));
  }

  /** A scoring criterion besides the price (综合评分法) and its maximum score. */
  public record Criterion(String name, Object maxScore) {
  }

  /** How the round's bids will be scored, as its tender notice states it (public). */
  public record Scoring(String evaluationMethod, Long priceWeight, List<Criterion> criteria) {
  }

  /** The scoring terms of the project's latest round, from its tender stage; empty once the stage has ended. */
  public Optional<Scoring> scoring(String projectNumber) {
    return latestCall(projectNumber).flatMap(call -> asSystem(() -> {
      try {
        Map<String, Object> terms = processEngine.getRuntimeService().getVariables(call.processInstanceId(),
            List.of(TenderVariables.EVALUATION_METHOD, TenderVariables.PRICE_WEIGHT,
                TenderVariables.EVALUATION_CRITERIA));
        Object weight = terms.get(TenderVariables.PRICE_WEIGHT);
        List<Criterion> criteria = JsonValues.rows(terms.get(TenderVariables.EVALUATION_CRITERIA)).stream()
            .map(row -> new Criterion(String.valueOf(row.get(TenderVariables.CRITERION_NAME)),
                row.get(TenderVariables.CRITERION_MAX_SCORE)))
            .toList();
        return Optional.of(new Scoring((String) terms.get(TenderVariables.EVALUATION_METHOD),
            weight instanceof Number number ? number.longValue() : null, criteria));
      } catch (org.camunda.bpm.engine.ProcessEngineException ended) {
        return Optional.<Scoring>empty();
      }
    }));
  }

  /** The files of the bidder's own valid bid, named for it alone. */
  public List<BidAttachments.FileInfo> ownFiles(String projectNumber, String bidderUserId) {
    return latestCall(projectNumber).flatMap(call -> activeBid(call, bidderUserId))
        .map(bid -> attachments.filesOf(bid.id())).orElse(List.of());
  }

  /** One file of the bidder's own valid bid; empty when its bid has no such file. */
  public Optional<BidAttachments.OpenedFile> ownFile(String projectNumber, String bidderUserId, String fileId) {
    return latestCall(projectNumber).flatMap(call -> activeBid(call, bidderUserId))
        .flatMap(bid -> attachments.fileOf(bid.id(), fileId));
  }

  /**
   * The files of the opened bids of the project's latest opened round, for the qualification reviewers and the
   * panel; empty before any opening.
   */
  public List<BidAttachments.BidFiles> openedFiles(String projectNumber) {
    return jdbc.sql("SELECT * FROM tender_call WHERE project_number = :project AND call_status = :opened"
            + " ORDER BY round_no DESC FETCH FIRST 1 ROWS ONLY")
        .param("project", projectNumber).param("opened", OPENED).query(BidBox::callRow).optional()
        .map(call -> jdbc.sql("SELECT * FROM tender_bid WHERE project_number = :project AND round_no = :round"
                + " AND bid_status = :active ORDER BY submission_no")
            .param("project", call.projectNumber()).param("round", call.round()).param("active", ACTIVE)
            .query(BidBox::bidRow).list().stream()
            .map(bid -> new BidAttachments.BidFiles(bid.id(), bid.bidderName(), attachments.filesOf(bid.id())))
            .toList())
        .orElse(List.of());
  }

  /** A file whose bid was opened, and the project it belongs to; empty for a file still sealed or unknown. */
  public Optional<OpenedProjectFile> openedFile(String fileId) {
    return attachments.ownerOf(fileId).filter(owner -> OPENED.equals(owner.callStatus()))
        .flatMap(owner -> attachments.fileOf(owner.bidId(), fileId)
            .map(file -> new OpenedProjectFile(owner.projectNumber(), file)));
  }

  /** An opened file with its project. */
  public record OpenedProjectFile(String projectNumber, BidAttachments.OpenedFile file) {
  }

  /** Tenders taking bids now (before their deadline by the engine clock), soonest deadline first. */
  public List<TenderCall> openCalls() {
    return jdbc.sql("SELECT * FROM tender_call WHERE call_status = :open AND bid_deadline > :now"
            + " ORDER BY bid_deadline, project_number")
        .param("open", OPEN).param("now", ProcurementTime.now())
        .query(BidBox::callRow).list().stream().map(CallRow::call).toList();
  }

  /** The project's latest round while it is not yet opened (also after its deadline, until the opening). */
  public Optional<TenderCall> currentCall(String projectNumber) {
    return latestCall(projectNumber).filter(call -> OPEN.equals(call.status())).map(CallRow::call);
  }

  /** Whether the project's latest round takes bids now (before its deadline by the engine clock). */
  public boolean takesBids(String projectNumber) {
    return currentCall(projectNumber).map(call -> ProcurementTime.now().isBefore(call.bidDeadline())).orElse(false);
  }

  /** How many valid bids the project's latest round holds: all an official may know before the opening. */
  public int countBids(String projectNumber) {
    return latestCall(projectNumber).map(call -> countActive(call.projectNumber(), call.round())).orElse(0);
  }

  // ---------------------------------------------------------------- the tender stage

  /** Opens a new round for bids; returns its number (1 for the first call of the project). */
  @Transactional
  public int openCall(String projectNumber, String processInstanceId, String serviceName, String departmentName,
      String procurementMethod, BigDecimal budget, OffsetDateTime bidDeadline, OffsetDateTime clarificationDeadline,
      String qualificationRequirements, String evaluationMethod) {
    int last = jdbc.sql("SELECT COALESCE(MAX(round_no), 0) FROM tender_call WHERE project_number = :project")
        .param("project", projectNumber).query(Integer.class).single();
    int round = last + 1;
    if (last > 0) {
      // an earlier round still open (a stage restarted without its opening) is closed unopened
      latestCall(projectNumber).filter(call -> OPEN.equals(call.status()))
          .ifPresent(call -> returnUnopened(call.projectNumber(), call.round()));
    }
    jdbc.sql("""
            INSERT INTO tender_call (project_number, round_no, process_instance_id, service_name, department_name,
                procurement_method, budget, bid_deadline, clarification_deadline, qualification_requirements,
                published_at, call_status, evaluation_method)
            VALUES (:project, :round, :instance, :service, :department, :method, :budget, :deadline,
                    :clarification, :qualifications, :now, :open, :evaluation)""")
        .param("project", projectNumber).param("round", round).param("instance", processInstanceId)
        .param("service", serviceName).param("department", departmentName).param("method", procurementMethod)
        .param("budget", budget).param("deadline", bidDeadline).param("clarification", clarificationDeadline)
        .param("qualifications", qualificationRequirements).param("now", ProcurementTime.now()).param("open", OPEN)
        .param("evaluation", evaluationMethod)
        .update();
    return round;
  }

  /**
   * The round's SME policy as the documents state it (财库〔2020〕46号第十二条): a reservation with its basis, or the
   * price deduction for small and micro enterprises.
   */
  @Transactional
  public void recordSmePolicy(String projectNumber, int round, String reservation, String basis,
      BigDecimal deductionPercent) {
    jdbc.sql("""
            UPDATE tender_call SET reservation = :reservation, reservation_basis = :basis,
                                   sme_deduction_percent = :deduction
            WHERE project_number = :project AND round_no = :round""")
        .param("reservation", reservation).param("basis", basis).param("deduction", deductionPercent)
        .param("project", projectNumber).param("round", round).update();
  }

  /**
   * The bid bond the round's documents ask for (0: none), each bid then states how it lodged it ({@link BidBond}),
   * and whether the winner may turn it into its performance bond.
   */
  @Transactional
  public void recordBidBond(String projectNumber, int round, BigDecimal amount, boolean convertible) {
    jdbc.sql("UPDATE tender_call SET bid_bond = :amount, bid_bond_convertible = :convertible"
            + " WHERE project_number = :project AND round_no = :round")
        .param("amount", amount).param("convertible", convertible).param("project", projectNumber)
        .param("round", round).update();
  }

  /**
   * Whether the documents of the project's latest opened round, the one that produced the award, let the winner's
   * bid bond become its performance bond (87号令第三十八条).
   */
  public boolean bidBondConvertible(String projectNumber) {
    return jdbc.sql("SELECT bid_bond_convertible FROM tender_call WHERE project_number = :project"
            + " AND call_status = :opened ORDER BY round_no DESC FETCH FIRST 1 ROWS ONLY")
        .param("project", projectNumber).param("opened", OPENED).query(Boolean.class).optional().orElse(false);
  }

  /** A clarification moved the bid deadline (实施条例第三十一条; 87号令第二十七条). */
  @Transactional
  public void moveDeadline(String projectNumber, int round, OffsetDateTime bidDeadline) {
    jdbc.sql("UPDATE tender_call SET bid_deadline = :deadline WHERE project_number = :project AND round_no = :round"
            + " AND call_status = :open")
        .param("deadline", bidDeadline).param("project", projectNumber).param("round", round).param("open", OPEN)
        .update();
  }

  /**
   * Restricts the round to the suppliers given (邀请招标, 政府采购法第三十四条; a negotiation with the two suppliers of a
   * failed open tender, 74号令第二十七条第二款): nobody else may bid.
   */
  @Transactional
  public void invite(String projectNumber, int round, List<String> bidders) {
    for (String bidder : bidders) {
      jdbc.sql("INSERT INTO tender_call_invitee (project_number, round_no, bidder) VALUES (:project, :round, :bidder)")
          .param("project", projectNumber).param("round", round).param("bidder", bidder).update();
    }
  }

  /** Whether the bidder may bid in the round: every organisation, unless the round has invitees. */
  private boolean invited(CallRow call, String bidder) {
    List<String> invitees = jdbc.sql("SELECT bidder FROM tender_call_invitee WHERE project_number = :project"
            + " AND round_no = :round")
        .param("project", call.projectNumber()).param("round", call.round()).query(String.class).list();
    return invitees.isEmpty() || invitees.contains(bidder);
  }

  public int countActive(String projectNumber, int round) {
    return jdbc.sql("SELECT COUNT(*) FROM tender_bid WHERE project_number = :project AND round_no = :round"
            + " AND bid_status = :active")
        .param("project", projectNumber).param("round", round).param("active", ACTIVE)
        .query(Integer.class).single();
  }

  /** The user ids of the organisations with a valid bid in the round, in order of submission. */
  public List<String> bidders(String projectNumber, int round) {
    return jdbc.sql("SELECT bidder FROM tender_bid WHERE project_number = :project AND round_no = :round"
            + " AND bid_status = :active ORDER BY submission_no")
        .param("project", projectNumber).param("round", round).param("active", ACTIVE)
        .query(String.class).list();
  }

  /**
   * A bid as the opening reveals it, with the price deduction the round's SME policy gives it (0 unless a small or
   * micro enterprise declared itself in a purchase not reserved, 财库〔2020〕46号第九条).
   */
  public record OpenedBid(String bidId, String bidder, String bidderName, OffsetDateTime submittedAt,
      String receiptCode, BidContent content, BigDecimal smeDeductionPercent) {

    public OpenedBid(String bidId, String bidder, String bidderName, OffsetDateTime submittedAt, String receiptCode,
        BidContent content) {
      this(bidId, bidder, bidderName, submittedAt, receiptCode, content, BigDecimal.ZERO);
    }
  }

  /**
   * The opening (87号令第三十九条至第四十一条): unseals every valid bid of the round, in order of submission, and marks
   * the round opened. Refused before the bid deadline by the engine clock, whoever asks.
   */
  @Transactional
  public List<OpenedBid> openBids(String projectNumber, int round) {
    CallRow call = lockedCall(projectNumber, round)
        .orElseThrow(() -> new IllegalStateException("No tender call " + projectNumber + " round " + round));
    if (!OPEN.equals(call.status())) {
      throw new IllegalStateException("Tender call " + projectNumber + " round " + round + " is " + call.status());
    }
    sealedUntilDeadline(call);
    List<BidRow> bids = jdbc.sql("SELECT * FROM tender_bid WHERE project_number = :project AND round_no = :round"
            + " AND bid_status = :active ORDER BY submission_no")
        .param("project", projectNumber).param("round", round).param("active", ACTIVE)
        .query(BidBox::bidRow).list();
    List<OpenedBid> opened = bids.stream().map(bid -> {
      BidContent content = fromJson(sealing.unseal(identity(bid.id(), bid.projectNumber(), bid.round(), bid.bidder()),
          bid.wrappedKey(), bid.sealedContent()));
      return new OpenedBid(bid.id(), bid.bidder(), bid.bidderName(), bid.submittedAt(), bid.receiptCode(), content,
          SmePolicy.deductionFor(call.reservation(), call.smeDeductionPercent(), content.smeDeclaration()));
    }).toList();
    drafts.destroyRound(call);
    setStatus(call, OPENED);
    return opened;
  }

  /**
   * A failed tender (废标, 87号令第四十一条: fewer bidders than required, no opening): the round closes and its bids are
   * returned unopened; their sealed content and keys are destroyed. Returns the bidders, to be told.
   */
  @Transactional
  public List<String> returnUnopened(String projectNumber, int round) {
    CallRow call = lockedCall(projectNumber, round)
        .orElseThrow(() -> new IllegalStateException("No tender call " + projectNumber + " round " + round));
    sealedUntilDeadline(call);
    return closeUnopened(call);
  }

  /**
   * The round ends before its deadline because an upheld challenge or complaint ends the tender (94号令第十六条第一项,
   * 第三十一条): its bids are returned unopened, their sealed content and keys destroyed. Returns the bidders.
   */
  @Transactional
  public List<String> cancelRound(String projectNumber, int round) {
    return closeUnopened(lockedCall(projectNumber, round)
        .orElseThrow(() -> new IllegalStateException("No tender call " + projectNumber + " round " + round)));
  }

  /** The round closes as failed; its bids go back unopened, their sealed content and keys destroyed. */
  private List<String> closeUnopened(CallRow call) {
    List<String> bidders = bidders(call.projectNumber(), call.round());
    OffsetDateTime now = ProcurementTime.now();
    // 87号令第三十八条: with the failure or termination the bid bonds go back within 5 working days. Only the bond
    // statement is read, by the system, to owe it back; price and content are destroyed unread.
    List<BondRefunds.Owed> bonds = new ArrayList<>();
    for (String bidder : bidders) {
      activeBid(call, bidder).filter(bid -> bid.sealedContent() != null)
          .ifPresent(bid -> statedBond(call, bid, unseal(bid)).ifPresent(bonds::add));
    }
    refundBonds(call, bonds);
    for (String bidder : bidders) {
      destroyActiveBid(call, bidder, RETURNED, now);
    }
    drafts.destroyRound(call);
    setStatus(call, FAILED);
    return bidders;
  }

  // ---------------------------------------------------------------- internals

  /** The bid bond the bid states, owed back when the bid leaves the box before any award; none if it stated none. */
  private static Optional<BondRefunds.Owed> statedBond(CallRow call, BidRow bid, BidContent content) {
    if (call.bidBond() == null || call.bidBond().signum() <= 0 || content.bondForm() == null) {
      return Optional.empty();
    }
    String lodged = new BidBond.Lodged(content.bondForm(), content.bondReference()).text();
    return Optional.of(new BondRefunds.Owed(bid.bidder(), bid.bidderName(), call.bidBond(), lodged));
  }

  /** Starts the department's refund task beside the purchase; it holds neither the round nor the purchase. */
  private void refundBonds(CallRow call, List<BondRefunds.Owed> bonds) {
    if (bonds.isEmpty()) {
      return;
    }
    var runtime = processEngine.getRuntimeService();
    refunds.startBidBondRefund(runtime, new PurchaseIdentity(call.projectNumber(), call.departmentName(),
        call.serviceName()), runtime.getVariable(call.processInstanceId(), PurchaseIdentity.DEPARTMENT_GROUP), bonds);
  }

  private void sealedUntilDeadline(CallRow call) {
    if (ProcurementTime.now().isBefore(call.bidDeadline())) {
      throw new IllegalStateException("Bids of " + call.projectNumber() + " round " + call.round()
          + " stay sealed until the bid deadline " + call.bidDeadline());
    }
  }

  private void setStatus(CallRow call, String status) {
    jdbc.sql("UPDATE tender_call SET call_status = :status, closed_at = :now"
            + " WHERE project_number = :project AND round_no = :round")
        .param("status", status).param("now", ProcurementTime.now()).param("project", call.projectNumber())
        .param("round", call.round()).update();
  }

  private static BidContent validated(BidContent content) {
    if (content == null) {
      throw reject(null, "请填写投标文件。");
    }
    if (content.price() == null) {
      throw reject("price", "请填写投标报价。");
    }
    if (content.price().signum() <= 0) {
      throw reject("price", "投标报价必须大于零。");
    }
    if (content.price().stripTrailingZeros().scale() > 2) {
      throw reject("price", "投标报价最多保留两位小数（分）。");
    }
    return new BidContent(content.price().setScale(2),
        requiredText(content.servicePlan(), "servicePlan", "服务方案"),
        requiredText(content.team(), "team", "项目团队"),
        requiredText(content.qualifications(), "qualifications", "资格证明材料"),
        SmePolicy.declaration(content.smeDeclaration()), content.bondForm(), content.bondReference());
  }

  private static String requiredText(String text, String field, String label) {
    if (text == null || text.isBlank()) {
      throw reject(field, "请填写" + label + "。");
    }
    String trimmed = text.strip();
    if (trimmed.length() > MAX_TEXT) {
      throw reject(field, label + "不能超过" + MAX_TEXT + "个字。");
    }
    return trimmed;
  }

  /** The organisation's name; refuses users who are not registered social organisations. */
  private String registeredOrganisation(String userId) {
    if (userId == null || userId.isBlank()) {
      throw reject(null, "请先以供应商账号登录。");
    }
    String name = asSystem(() -> OrganisationNames.nameOf(identityService, userId));
    if (name == null) {
      throw reject(null, "只有在平台注册并确认的供应商可以投标或提问，请先在信息公开门户注册（供应商注册）。");
    }
    return name;
  }

  String organisationName(String userId) {
    return registeredOrganisation(userId);
  }

  /** The project's open round, locked against a concurrent opening; refused after its deadline. */
  private CallRow lockedOpenCall(String projectNumber, String action) {
    String project = projectNumber == null ? "" : projectNumber.trim().toUpperCase(java.util.Locale.ROOT);
    CallRow latest = latestCall(project)
        .orElseThrow(() -> reject(null, "项目" + project + "目前没有正在接受投标的招标，请核对项目编号。"));
    CallRow call = lockedCall(latest.projectNumber(), latest.round()).orElseThrow();
    if (!OPEN.equals(call.status())) {
      throw reject(null, "项目" + project + "目前没有正在接受投标的招标。");
    }
    if (!ProcurementTime.now().isBefore(call.bidDeadline())) {
      throw reject(null, "项目" + project + "的投标截止时间（" + MINUTE_IN_WORDS.format(call.bidDeadline())
          + "）已过，不能再" + action + "。");
    }
    return call;
  }

  private Optional<CallRow> latestCall(String projectNumber) {
    if (projectNumber == null) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM tender_call WHERE project_number = :project ORDER BY round_no DESC"
            + " FETCH FIRST 1 ROWS ONLY")
        .param("project", projectNumber.trim().toUpperCase(java.util.Locale.ROOT))
        .query(BidBox::callRow).optional();
  }

  private Optional<CallRow> lockedCall(String projectNumber, int round) {
    return jdbc.sql("SELECT * FROM tender_call WHERE project_number = :project AND round_no = :round FOR UPDATE")
        .param("project", projectNumber).param("round", round).query(BidBox::callRow).optional();
  }

  private Optional<BidRow> activeBid(CallRow call, String bidder) {
    return jdbc.sql("SELECT * FROM tender_bid WHERE project_number = :project AND round_no = :round"
            + " AND bidder = :bidder AND bid_status = :active")
        .param("project", call.projectNumber()).param("round", call.round()).param("bidder", bidder)
        .param("active", ACTIVE).query(BidBox::bidRow).optional();
  }

  /** Ends the bidder's valid bid with the status given and destroys its content, key and files; returns rows changed. */
  private int destroyActiveBid(CallRow call, String bidder, String status, OffsetDateTime now) {
    return activeBid(call, bidder).map(bid -> destroyBid(bid.id(), status, now)).orElse(0);
  }

  private int destroyBid(String bidId, String status, OffsetDateTime now) {
    attachments.destroyOf(bidId);
    return jdbc.sql("""
            UPDATE tender_bid SET bid_status = :status, status_changed_at = :now, wrapped_key = NULL,
                                  sealed_content = NULL
            WHERE id = :id AND bid_status = :active""")
        .param("status", status).param("now", now).param("id", bidId).param("active", ACTIVE)
        .update();
  }

  private Map<String, Object> mailModel(CallRow call) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("projectNumber", call.projectNumber());
    model.put("serviceName", call.serviceName());
    model.put("departmentName", call.departmentName());
    model.put("tenderRound", call.round());
    model.put("bidDeadline", MINUTE_IN_WORDS.format(call.bidDeadline()));
    model.put("bidLink", links.page("/portal/bidder/tenders/" + call.projectNumber()));
    model.put("projectLink", links.project(call.projectNumber()));
    return model;
  }

  private static String identity(String bidId, CallRow call, String bidder) {
    return identity(bidId, call.projectNumber(), call.round(), bidder);
  }

  private static String identity(String bidId, String projectNumber, int round, String bidder) {
    return bidId + "|" + projectNumber + "|" + round + "|" + bidder;
  }

  private static String toJson(BidContent bid) {
    ObjectNode node = JSON.createObjectNode();
    node.put("price", bid.price().toPlainString());
    node.put("servicePlan", bid.servicePlan());
    node.put("team", bid.team());
    node.put("qualifications", bid.qualifications());
    if (bid.smeDeclaration() != null) {
      node.put("smeDeclaration", bid.smeDeclaration());
    }
    if (bid.bondForm() != null) {
      node.put("bondForm", bid.bondForm());
      node.put("bondReference", bid.bondReference());
    }
    return node.toString();
  }

  private static BidContent fromJson(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return new BidContent(new BigDecimal(node.get("price").asText()), node.get("servicePlan").asText(),
          node.get("team").asText(), node.get("qualifications").asText(),
          node.hasNonNull("smeDeclaration") ? node.get("smeDeclaration").asText() : null,
          node.hasNonNull("bondForm") ? node.get("bondForm").asText() : null,
          node.hasNonNull("bondReference") ? node.get("bondReference").asText() : null);
    } catch (Exception e) {
      throw new IllegalStateException("An unsealed bid is not readable", e);
    }
  }

  private byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }

  static String yuan(BigDecimal amount) {
    return Money.yuan(amount);
  }


  /** Runs identity look-ups as the system, joining the engine's command if one runs. */
  private <T> T asSystem(Supplier<T> work) {
    return SystemAccess.run(processEngine, work);
  }

  record CallRow(String projectNumber, int round, String processInstanceId, String serviceName,
      String departmentName, String procurementMethod, BigDecimal budget, OffsetDateTime bidDeadline,
      OffsetDateTime clarificationDeadline, String qualificationRequirements, String status, String reservation,
      String reservationBasis, BigDecimal smeDeductionPercent, BigDecimal bidBond) {

    TenderCall call() {
      return new TenderCall(projectNumber, round, serviceName, departmentName, procurementMethod, budget,
          bidDeadline, clarificationDeadline, qualificationRequirements, reservation, reservationBasis,
          smeDeductionPercent, bidBond);
    }
  }

  private record BidRow(String id, String projectNumber, int round, String bidder, String bidderName,
      OffsetDateTime submittedAt, String receiptCode, String wrappedKey, String sealedContent) {
  }

  static CallRow callRow(ResultSet rs, int row) throws SQLException {
    return new CallRow(rs.getString("project_number"), rs.getInt("round_no"), rs.getString("process_instance_id"),
        rs.getString("service_name"), rs.getString("department_name"), rs.getString("procurement_method"),
        rs.getBigDecimal("budget"), inChina(rs.getObject("bid_deadline", OffsetDateTime.class)),
        inChina(rs.getObject("clarification_deadline", OffsetDateTime.class)),
        rs.getString("qualification_requirements"), rs.getString("call_status"), rs.getString("reservation"),
        rs.getString("reservation_basis"), rs.getBigDecimal("sme_deduction_percent"), rs.getBigDecimal("bid_bond"));
  }

  private static BidRow bidRow(ResultSet rs, int row) throws SQLException {
    return new BidRow(rs.getString("id"), rs.getString("project_number"), rs.getInt("round_no"),
        rs.getString("bidder"), rs.getString("bidder_name"), inChina(rs.getObject("submitted_at", OffsetDateTime.class)),
        rs.getString("receipt_code"), rs.getString("wrapped_key"), rs.getString("sealed_content"));
  }

  private static OffsetDateTime inChina(OffsetDateTime time) {
    return time == null ? null : time.atZoneSameInstant(ProcurementTime.ZONE).toOffsetDateTime();
  }

  Optional<CallRow> call(String projectNumber, int round) {
    return jdbc.sql("SELECT * FROM tender_call WHERE project_number = :project AND round_no = :round")
        .param("project", projectNumber).param("round", round).query(BidBox::callRow).optional();
  }
}
