package org.publicservice.procurement.ocds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.PublicPlans.PublicPlan;
import org.publicservice.procurement.form.ProcurementTime;
import org.publicservice.procurement.planning.ProcurementMethod;
import org.publicservice.procurement.tender.TenderTerms;
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

  public ReleaseMapper(OcdsProperties properties, ObjectMapper json,
      @Value("${procurement.public-url}") String publicUrl) {
    this.properties = properties;
    this.json = json;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
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
      method(tender, plan.procurementMethod());
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
    document(tender.putArray("documents").addObject(), notice, stage);
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
