package org.publicservice.procurement.ocds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.PublicPlans.PublicPlan;
import org.publicservice.procurement.form.ProcurementTime;
import org.publicservice.procurement.planning.ProcurementMethod;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Maps the public data of a purchase to OCDS 1.1 releases: one release per published notice, with the state of
 * the contracting process that notice announced. Today that is the plan (planning.budget, buyer, tender planned);
 * later stages add their fields here, from their own public tables, keyed by the notice's type.
 */
@Component
public class ReleaseMapper {

  static final String CURRENCY = "CNY";

  private final OcdsProperties properties;
  private final ObjectMapper json;
  private final String publicUrl;
  private final ContractReleases contracts;

  public ReleaseMapper(OcdsProperties properties, ObjectMapper json,
      @Value("${procurement.public-url}") String publicUrl, ContractReleases contracts) {
    this.properties = properties;
    this.json = json;
    this.contracts = contracts;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  /** The release of one notice; {@code plan} is the project's approved plan, when it is on file. */
  public ObjectNode release(DisclosureNotice notice, PublicPlan plan) {
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
      method(tender, plan.procurementMethod());
      tender.put("mainProcurementCategory", "services");
      amount(tender.putObject("value"), plan);
      ObjectNode period = tender.putObject("contractPeriod");
      period.put("startDate", date(plan.servicePeriodStart().atStartOfDay(ProcurementTime.ZONE).toOffsetDateTime()));
      period.put("endDate", date(plan.servicePeriodEnd().atTime(23, 59, 59).atZone(ProcurementTime.ZONE)
          .toOffsetDateTime()));
    }
    if (stage.tenderStatus() != null) {
      tender.put("status", stage.tenderStatus());
    }
    var contract = contracts.of(notice);
    if (contract.isPresent()) {
      contract(release, notice, stage, contract.get(), plan);
    } else {
      document(tender.putArray("documents").addObject(), notice, stage);
    }
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
    return publicUrl + "/portal/notices/" + noticeId;
  }

  public String url(String path) {
    return publicUrl + path;
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
    String supplierId = "CN-ORG-" + facts.contractor();
    ArrayNode parties = release.has("parties") ? (ArrayNode) release.get("parties") : release.putArray("parties");
    ObjectNode supplier = parties.addObject();
    supplier.put("id", supplierId);
    supplier.put("name", facts.contractorName());
    supplier.putArray("roles").add("supplier").add("payee");

    String awardId = notice.projectNumber() + "-award";
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
      ObjectNode transaction = implementation.putArray("transactions").addObject();
      transaction.put("id", facts.contractId() + "-payment-" + facts.payment().milestoneIndex());
      transaction.put("date", date(facts.payment().recordedAt()));
      ObjectNode paid = transaction.putObject("value");
      paid.put("amount", facts.payment().amount());
      paid.put("currency", CURRENCY);
      if (plan != null) {
        ObjectNode payer = transaction.putObject("payer");
        payer.put("id", partyId(plan.departmentName()));
        payer.put("name", plan.departmentName());
      }
      ObjectNode payee = transaction.putObject("payee");
      payee.put("id", supplierId);
      payee.put("name", facts.contractorName());
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
