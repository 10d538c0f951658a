package org.publicservice.procurement.ocds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.publicservice.procurement.award.AwardDecisions;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.evaluation.Grade;
import org.publicservice.procurement.disclosure.PublicPlans.PublicPlan;
import org.publicservice.procurement.planning.ProcurementMethod;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.PublicLinks;
import org.publicservice.procurement.review.BidReviewResults;
import org.publicservice.procurement.tender.TenderTerms;
import org.springframework.stereotype.Component;

/**
 * Maps the public data of a purchase to OCDS 1.1 releases: one release per published notice, with the state of
 * the contracting process that notice announced: the plan (buyer, budget, tender planned) from the approved plan;
 * the tender's terms and, with the opening record, its tenderers; the award from the award notice; the contract,
 * its payments and acceptances from the contract register; the evaluation as an implementation milestone with the
 * final payment. A notice that none of these covers is attached to {@code tender.documents}.
 */
@Component
public class ReleaseMapper {

  static final String CURRENCY = "CNY";
  /** The OCDS bids extension, for {@code bids.details} (declared in every package's {@code extensions}). */
  static final String BIDS_EXTENSION =
      "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json";

  private final OcdsProperties properties;
  private final ObjectMapper json;
  private final PublicLinks links;
  private final ContractReleases contracts;
  private final TenderReleases tenders;
  private final AwardDecisions decisions;
  private final BidReviewResults reviewResults;

  public ReleaseMapper(OcdsProperties properties, ObjectMapper json,
      PublicLinks links, ContractReleases contracts,
      TenderReleases tenders, AwardDecisions decisions, BidReviewResults reviewResults) {
    this.properties = properties;
    this.json = json;
    this.decisions = decisions;
    this.contracts = contracts;
    this.tenders = tenders;
    this.links = links;
    this.reviewResults = reviewResults;
  }

  /** The release of one notice; {@code plan} is the project's approved plan, when it is on file. */
  public ObjectNode release(DisclosureNotice notice, PublicPlan plan) {
    return release(notice, plan, null);
  }

  /**
   * The release of one notice; {@code tenderTerms} are the terms a notice of the tender stage stated (periods,
   * award criteria, number of tenderers), null for other notices.
   */
  public ObjectNode release(DisclosureNotice notice, PublicPlan plan, TenderTerms.Terms tenderTerms) {
    NoticeStage stage = NoticeStage.of(notice.type());
    ObjectNode release = json.createObjectNode();
    release.put("ocid", properties.ocid(notice.projectNumber()));
    release.put("id", releaseId(notice));
    release.put("date", date(notice.publishedAt()));
    release.putArray("tag").add(stage.tag());
    release.put("initiationType", "tender");
    release.put("language", "zh");

    ObjectNode tender = json.createObjectNode();
    tender.put("id", notice.projectNumber());
    if (plan != null) {
      String buyerId = partyId(plan.departmentName());
      ObjectNode party = release.putArray("parties").addObject();
      party.put("id", buyerId);
      party.put("name", plan.departmentName());
      party.putArray("roles").add("buyer").add("procuringEntity");
      ObjectNode buyer = release.putObject("buyer");
      buyer.put("id", buyerId);
      buyer.put("name", plan.departmentName());

      ObjectNode planning = release.putObject("planning");
      planning.put("rationale", plan.departmentName() + "政府购买服务实施计划，经财政部门于"
          + plan.approvedAt().atZoneSameInstant(ProcurementTime.ZONE).toLocalDate() + "审核批准。");
      ObjectNode budget = planning.putObject("budget");
      budget.put("id", plan.projectNumber());
      budget.put("description", "财政预算资金");
      budget.put("project", plan.serviceName());
      budget.put("projectID", plan.projectNumber());
      amount(budget.putObject("amount"), plan);

      tender.put("title", plan.serviceName());
      tender.put("description", "服务区域：" + plan.region());
      // the method in force: a failed tender may have changed the plan's (政府采购法第三十七条)
      method(tender, tenders.methodInForce(notice).orElse(plan.procurementMethod()));
      tender.put("mainProcurementCategory", "services");
      amount(tender.putObject("value"), plan);
      ObjectNode period = tender.putObject("contractPeriod");
      period.put("startDate", date(plan.servicePeriodStart().atStartOfDay(ProcurementTime.ZONE).toOffsetDateTime()));
      period.put("endDate", date(plan.servicePeriodEnd().atTime(23, 59, 59).atZone(ProcurementTime.ZONE)
          .toOffsetDateTime()));
    }
    if (tenderTerms != null) {
      tenderTerms(tender, tenderTerms);
    }
    if (stage.tenderStatus() != null) {
      tender.put("status", stage.tenderStatus());
    }
    var contract = contracts.of(notice);
    var winner = notice.type() == NoticeType.AWARD_NOTICE ? tenders.winnerOf(notice)
        : Optional.<TenderReleases.Winner>empty();
    var evaluation = notice.type() == NoticeType.EVALUATION_RESULT ? tenders.evaluationOf(notice)
        .filter(graded -> graded.contractId() != null) : Optional.<TenderReleases.Evaluation>empty();
    if (contract.isPresent()) {
      contract(release, notice, stage, contract.get(), plan);
    } else if (winner.isPresent()) {
      award(release, notice, stage, winner.get());
    } else if (evaluation.isPresent()) {
      evaluation(release, notice, stage, evaluation.get(), plan);
    } else {
      document(tender.putArray("documents").addObject(), notice, stage);
      if (notice.type() == NoticeType.FAILED_TENDER) {
        cancelledAwards(release, notice);
      }
    }
    if (notice.type() == NoticeType.OPENING_RECORD) {
      tenders.roundOf(notice).ifPresent(round -> tenderers(release, tender, notice, round));
    }
    bids(release, reviewedBids(notice));
    if (stage.tag().equals("planning")) {
      // the intention is the planning stage's document; the tender only announces itself as planned
      ObjectNode planning = release.has("planning") ? (ObjectNode) release.get("planning")
          : release.putObject("planning");
      planning.set("documents", tender.remove("documents"));
    }
    release.set("tender", tender);
    return release;
  }

  /** Stable for ever: a notice is never changed, a correction is a new notice and thus a new release. */
  public String releaseId(DisclosureNotice notice) {
    return properties.ocid(notice.projectNumber()) + "-notice-" + notice.id();
  }

  public String noticeUrl(long noticeId) {
    return links.notice(noticeId);
  }

  public String url(String path) {
    return links.page(path);
  }

  /** OCDS dates: ISO 8601 with the offset, in Beijing time, to the second. */
  public static String date(OffsetDateTime time) {
    return time.atZoneSameInstant(ProcurementTime.ZONE).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /**
   * A contract notice as {@code contracts[]} with the notice among its documents; a payment as a transaction and an
   * accepted milestone as a met milestone of the contract's implementation, with the notice among its documents.
   */
  private void contract(ObjectNode release, DisclosureNotice notice, NoticeStage stage,
      ContractReleases.ContractFacts facts, PublicPlan plan) {
    String supplierId = organisationId(facts.contractor());
    ArrayNode parties = release.has("parties") ? (ArrayNode) release.get("parties") : release.putArray("parties");
    ObjectNode supplier = parties.addObject();
    supplier.put("id", supplierId);
    supplier.put("name", facts.contractorName());
    supplier.putArray("roles").add("supplier").add("payee");

    // the award this contract carries out (one per award decision; a single source has one award)
    String awardId = facts.awardId() == null ? awardId(notice) : facts.awardId();
    ObjectNode award = release.putArray("awards").addObject();
    award.put("id", awardId);
    award.put("status", "active");
    ObjectNode awarded = award.putArray("suppliers").addObject();
    awarded.put("id", supplierId);
    awarded.put("name", facts.contractorName());

    ObjectNode contract = release.putArray("contracts").addObject();
    contract.put("id", facts.contractId());
    contract.put("awardID", awardId);
    contract.put("status", "active");
    ObjectNode value = contract.putObject("value");
    value.put("amount", facts.amount());
    value.put("currency", CURRENCY);
    contract.put("dateSigned", date(facts.signedOn().atStartOfDay(ProcurementTime.ZONE).toOffsetDateTime()));
    ObjectNode period = contract.putObject("period");
    period.put("startDate", date(facts.periodStart().atStartOfDay(ProcurementTime.ZONE).toOffsetDateTime()));
    period.put("endDate", date(facts.periodEnd().atTime(23, 59, 59).atZone(ProcurementTime.ZONE).toOffsetDateTime()));
    if (facts.payment() == null && facts.acceptance() == null) {
      document(contract.putArray("documents").addObject(), notice, stage);
      return;
    }
    ObjectNode implementation = contract.putObject("implementation");
    if (facts.payment() != null) {
      payment(implementation, facts.contractId() + "-payment-" + facts.payment().milestoneIndex(),
          facts.payment().recordedAt(), facts.payment().amount(), plan, supplierId, facts.contractorName());
    }
    if (facts.acceptance() != null) {
      ObjectNode milestone = implementation.putArray("milestones").addObject();
      milestone.put("id", facts.contractId() + "-milestone-" + facts.acceptance().milestoneIndex());
      milestone.put("title", facts.acceptance().milestoneName());
      milestone.put("type", "delivery");
      milestone.put("status", "met");
      if (facts.acceptance().acceptedAt() != null) {
        milestone.put("dateMet", date(facts.acceptance().acceptedAt()));
      }
    }
    document(implementation.putArray("documents").addObject(), notice, stage);
  }

  /** The organisations whose bids the opening record opened: its tenderers (their prices stay in the document). */
  private void tenderers(ObjectNode release, ObjectNode tender, DisclosureNotice notice, TenderReleases.Round round) {
    ArrayNode tenderers = tender.putArray("tenderers");
    ArrayNode parties = release.has("parties") ? (ArrayNode) release.get("parties") : release.putArray("parties");
    for (var bidder : tenders.openedBidders(notice, round)) {
      ObjectNode reference = tenderers.addObject();
      reference.put("id", organisationId(bidder.userId()));
      reference.put("name", bidder.name());
      ObjectNode party = parties.addObject();
      party.put("id", organisationId(bidder.userId()));
      party.put("name", bidder.name());
      party.putArray("roles").add("tenderer");
    }
  }

  /**
   * What the review made of the opened bids, as far as the notice made it public: the award notice states the
   * result of the latest review, a failed tender published by a review that review's results. Tender-stage notices
   * state none.
   */
  private List<BidReviewResults.Result> reviewedBids(DisclosureNotice notice) {
    return switch (notice.type()) {
      case AWARD_NOTICE -> reviewResults.latestOfProject(notice.projectNumber(), notice.publishedAt());
      case FAILED_TENDER -> notice.processInstanceId() == null ? List.of()
          : reviewResults.ofReview(notice.processInstanceId());
      default -> List.of();
    };
  }

  /**
   * The bids extension ({@link #BIDS_EXTENSION}): each opened bid with its price and status, {@code valid} when it
   * went on to the ranking, {@code disqualified} when it failed the qualification review or the panel declared it
   * invalid (the reasons are in the notice), {@code withdrawn} when the supplier left a consultation or negotiation
   * or gave no final offer.
   */
  private void bids(ObjectNode release, List<BidReviewResults.Result> reviewed) {
    if (reviewed.isEmpty()) {
      return;
    }
    ArrayNode details = release.putObject("bids").putArray("details");
    for (BidReviewResults.Result result : reviewed) {
      ObjectNode bid = details.addObject();
      bid.put("id", result.bidId());
      bid.put("date", date(result.decidedAt()));
      bid.put("status", result.valid() ? "valid"
          : BidReviewResults.WITHDRAWN.equals(result.outcome()) ? "withdrawn" : "disqualified");
      ObjectNode tenderer = bid.putArray("tenderers").addObject();
      tenderer.put("id", organisationId(result.bidder()));
      tenderer.put("name", result.bidderName());
      ObjectNode value = bid.putObject("value");
      value.put("amount", result.price());
      value.put("currency", CURRENCY);
    }
  }

  /**
   * The award notice as an award of the purchase, with the notice among the award's documents: one award per award
   * decision, so a replacement is an award of its own, and the award it replaced appears again, cancelled.
   */
  private void award(ObjectNode release, DisclosureNotice notice, NoticeStage stage, TenderReleases.Winner winner) {
    Optional<AwardDecisions.Decision> decision = decisions.byNotice(notice.id());
    ArrayNode parties = release.has("parties") ? (ArrayNode) release.get("parties") : release.putArray("parties");
    ObjectNode party = parties.addObject();
    party.put("id", organisationId(winner.userId()));
    party.put("name", winner.name());
    party.putArray("roles").add("supplier").add("tenderer");
    ArrayNode awards = release.putArray("awards");
    ObjectNode award = awards.addObject();
    award.put("id", decision.map(AwardDecisions.Decision::id).orElse(awardId(notice)));
    award.put("title", notice.title());
    award.put("status", "active");
    award.put("date", date(winner.publishedAt()));
    ObjectNode value = award.putObject("value");
    value.put("amount", winner.price());
    value.put("currency", CURRENCY);
    ObjectNode supplier = award.putArray("suppliers").addObject();
    supplier.put("id", organisationId(winner.userId()));
    supplier.put("name", winner.name());
    document(award.putArray("documents").addObject(), notice, stage);
    decision.map(AwardDecisions.Decision::replacesAwardId).flatMap(decisions::find)
        .ifPresent(replaced -> cancelled(awards, replaced));
  }

  /** A failed tender after an award: the awards that ended by then, cancelled. */
  private void cancelledAwards(ObjectNode release, DisclosureNotice notice) {
    var ended = decisions.ofProject(notice.projectNumber()).stream()
        .filter(d -> AwardDecisions.CANCELLED.equals(d.status()) && d.endedAt() != null
            && !d.endedAt().isAfter(notice.publishedAt()))
        .toList();
    if (!ended.isEmpty()) {
      ArrayNode awards = release.putArray("awards");
      ended.forEach(d -> cancelled(awards, d));
    }
  }

  private static void cancelled(ArrayNode awards, AwardDecisions.Decision decision) {
    ObjectNode award = awards.addObject();
    award.put("id", decision.id());
    award.put("status", "cancelled");
    if (decision.endReason() != null) {
      award.put("statusDetails", decision.endReason());
    }
  }

  /**
   * The evaluation result as an assessment milestone of the contract's implementation, and the final payment the
   * grade allowed as its transaction, with the notice among the implementation's documents.
   */
  private void evaluation(ObjectNode release, DisclosureNotice notice, NoticeStage stage,
      TenderReleases.Evaluation graded, PublicPlan plan) {
    ObjectNode contract = release.putArray("contracts").addObject();
    contract.put("id", graded.contractId());
    contract.put("awardID", graded.awardId() == null ? awardId(notice) : graded.awardId());
    // the evaluation comes after the last acceptance and settles the final payment: the contract has come to a close
    contract.put("status", "terminated");
    ObjectNode implementation = contract.putObject("implementation");
    ObjectNode milestone = implementation.putArray("milestones").addObject();
    milestone.put("id", graded.contractId() + "-evaluation");
    milestone.put("title", "绩效评价");
    milestone.put("type", "assessment");
    milestone.put("status", "met");
    milestone.put("dateMet", date(graded.gradedAt()));
    milestone.put("description", "评价等级：" + Grade.labelOf(graded.grade())
        + (graded.score() == null ? "" : "，综合得分：" + graded.score().stripTrailingZeros().toPlainString()));
    if (graded.finalPayment() != null && graded.finalPayment().signum() > 0) {
      payment(implementation, graded.contractId() + "-payment-" + graded.finalMilestoneIndex(), graded.gradedAt(),
          graded.finalPayment(), plan, organisationId(graded.contractor()), graded.contractorName());
    }
    document(implementation.putArray("documents").addObject(), notice, stage);
  }


  /** A payment to the contractor, from the department when its plan is on file (OCDS implementation.transactions). */
  private static void payment(ObjectNode implementation, String id, OffsetDateTime paidAt, BigDecimal amount,
      PublicPlan plan, String payeeId, String payeeName) {
    ObjectNode transaction = implementation.putArray("transactions").addObject();
    transaction.put("id", id);
    transaction.put("date", date(paidAt));
    ObjectNode paid = transaction.putObject("value");
    paid.put("amount", amount);
    paid.put("currency", CURRENCY);
    if (plan != null) {
      ObjectNode payer = transaction.putObject("payer");
      payer.put("id", partyId(plan.departmentName()));
      payer.put("name", plan.departmentName());
    }
    ObjectNode payee = transaction.putObject("payee");
    payee.put("id", payeeId);
    payee.put("name", payeeName);
  }

  /** The award id of a purchase whose award has no recorded decision (a single source's result). */
  private static String awardId(DisclosureNotice notice) {
    return notice.projectNumber() + "-award";
  }

  /** Social organisations are identified by their account on the platform, as the contract releases do. */
  private static String organisationId(String userId) {
    return "CN-ORG-" + userId;
  }

  private void document(ObjectNode document, DisclosureNotice notice, NoticeStage stage) {
    document.put("id", "notice-" + notice.id());
    document.put("documentType", stage.documentType());
    document.put("title", notice.title());
    document.put("description", notice.type().label());
    document.put("url", noticeUrl(notice.id()));
    document.put("datePublished", date(notice.publishedAt()));
    document.put("format", "text/html");
    document.put("language", "zh");
  }

  /** What the tender's notice stated: the method in force, the periods, how bids are evaluated, how many bid. */
  private static void tenderTerms(ObjectNode tender, TenderTerms.Terms terms) {
    method(tender, terms.procurementMethod());
    ObjectNode tenderPeriod = tender.putObject("tenderPeriod");
    tenderPeriod.put("startDate", date(terms.tenderPeriodStart()));
    tenderPeriod.put("endDate", date(terms.tenderPeriodEnd()));
    ObjectNode enquiryPeriod = tender.putObject("enquiryPeriod");
    enquiryPeriod.put("startDate", date(terms.tenderPeriodStart()));
    enquiryPeriod.put("endDate", date(terms.enquiryPeriodEnd()));
    if ("COMPREHENSIVE".equals(terms.evaluationMethod())) {
      tender.put("awardCriteria", "ratedCriteria");
      tender.put("awardCriteriaDetails", "综合评分法");
    } else if ("LOWEST_PRICE".equals(terms.evaluationMethod())) {
      tender.put("awardCriteria", "priceOnly");
      tender.put("awardCriteriaDetails", "最低评标价法");
    }
    if (terms.numberOfTenderers() != null) {
      tender.put("numberOfTenderers", terms.numberOfTenderers());
    }
  }

  private static void method(ObjectNode tender, String code) {
    ProcurementMethod method;
    try {
      method = ProcurementMethod.valueOf(code);
    } catch (IllegalArgumentException e) {
      tender.put("procurementMethodDetails", code);
      return;
    }
    tender.put("procurementMethod", switch (method) {
      case OPEN_TENDER -> "open";
      case INVITED_TENDER -> "selective";
      case COMPETITIVE_CONSULTATION, COMPETITIVE_NEGOTIATION -> "limited";
      case SINGLE_SOURCE -> "direct";
    });
    tender.put("procurementMethodDetails", method.label());
  }

  private static void amount(ObjectNode value, PublicPlan plan) {
    value.put("amount", plan.budget());
    value.put("currency", CURRENCY);
  }

  /** Departments have no registered identifier in the data yet; their name identifies them within a release. */
  private static String partyId(String departmentName) {
    return "CN-GOV-" + departmentName;
  }
}
