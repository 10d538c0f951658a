package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.credit.CreditEffect;
import org.publicservice.procurement.credit.CreditRecord;
import org.publicservice.procurement.credit.CreditRegister;
import org.publicservice.procurement.identity.OrganisationNames;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.identity.SystemAccess;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.Money;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.tender.BidBox;
import org.publicservice.procurement.tender.BidDocumentLinks;
import org.publicservice.procurement.tender.TenderVariables;
import org.springframework.stereotype.Component;

/**
 * Checks every bidder against the credit register for the window the rules set, from the tender notice to the bid
 * deadline (财库〔2016〕125号): the register is read as it stood at the bid deadline, the last moment of the window,
 * whenever the review runs (a record entered or revoked later does not change the answer), and each check is kept
 * with its window, its moment and the records found as evidence. A bidder with a record that excludes it fails the
 * qualification review; a penalising record is shown to the department and the panel. Prepares the qualification
 * form: a table with one row per opened bid, as many as were opened.
 */
@Component
public class CheckBidderCreditDelegate implements JavaDelegate {

  static final String CLEAR = "CLEAR";
  static final String EXCLUDED = "EXCLUDED";
  static final String PENALISED = "PENALISED";

  private final CreditRegister register;
  private final ReviewRecords records;
  private final BidBox bidBox;

  public CheckBidderCreditDelegate(CreditRegister register, ReviewRecords records, BidBox bidBox) {
    this.register = register;
    this.records = records;
    this.bidBox = bidBox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<OpenedBid> bids = OpenedBid.list(execution.getVariable(OPENED_BIDS));
    if (bids.isEmpty()) {
      throw new IllegalStateException("ReviewStage needs at least one opened bid");
    }
    OffsetDateTime windowFrom = instant(execution, TENDER_NOTICE_AT, "招标公告发布时间");
    OffsetDateTime asOf = instant(execution, BID_DEADLINE, "投标截止时间");
    LocalDate checkedOn = asOf.toLocalDate();
    String window = ReviewRecords.MINUTE.format(windowFrom) + "至" + ReviewRecords.MINUTE.format(asOf);
    List<Map<String, Object>> checks = new ArrayList<>();
    List<Map<String, Object>> sheet = new ArrayList<>();
    for (OpenedBid bid : bids) {
      List<CreditRecord> found = register.recordsInForceAt(bid.bidder(), asOf);
      boolean excluded = found.stream().anyMatch(r -> r.effect() == CreditEffect.EXCLUDE);
      String outcome = excluded ? EXCLUDED : found.isEmpty() ? CLEAR : PENALISED;
      String findings = found.isEmpty() ? "未发现不良信用记录"
          : found.stream().map(CreditRecord::describe).collect(Collectors.joining("；"));
      records.recordCreditCheck(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), bid, checkedOn,
          outcome, found.isEmpty() ? null : found.stream().map(r -> String.valueOf(r.id()))
              .collect(Collectors.joining(",")), findings, windowFrom, asOf, evidence(found));
      Map<String, Object> check = new LinkedHashMap<>();
      check.put("bidId", bid.bidId());
      check.put("bidder", bid.bidder());
      check.put("bidderName", bid.bidderName());
      check.put("outcome", outcome);
      check.put("findings", findings);
      check.put("checkedOn", checkedOn.toString());
      check.put("window", window);
      checks.add(check);

      sheet.add(sheetRow(bid, window, excluded, findings));
    }
    execution.setVariable(QUALIFICATION_SHEET, SpinValues.jsonValue(JsonValues.toJson(sheet)).create());
    // the bids' files, as links the reviewers' and the panel's tasks show (read only with a task of the project)
    execution.setVariable(TenderVariables.BID_DOCUMENTS,
        BidDocumentLinks.markdown(bidBox.openedFiles(execution.getProcessBusinessKey())));
    execution.setVariable(CREDIT_CHECKS, SpinValues.jsonValue(JsonValues.toJson(checks)).create());
    execution.setVariable(REPRESENTATIVE_OPTIONS, SpinValues.jsonValue(JsonValues.toJson(
        representatives(execution.getProcessEngineServices().getIdentityService(),
            (String) execution.getVariable(DEPARTMENT_GROUP)))).create());
  }

  private static OffsetDateTime instant(DelegateExecution execution, String variable, String label) {
    String text = FormRules.of(execution).requiredText(variable, label);
    return OffsetDateTime.parse(text).atZoneSameInstant(ProcurementTime.ZONE).toOffsetDateTime();
  }

  /** The records found, as they stood: the proof of the check kept with the purchase file. */
  private static String evidence(List<CreditRecord> found) {
    return JsonValues.toJson(found.stream().map(r -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", r.id());
      row.put("listing", r.listing().chineseName());
      row.put("effect", r.effect().chineseName());
      row.put("source", r.source());
      row.put("reason", r.reason());
      row.put("validFrom", r.validFrom().toString());
      row.put("validUntil", r.validUntil() == null ? null : r.validUntil().toString());
      row.put("recordedAt", r.recordedAt().toString());
      row.put("recordedBy", r.recordedBy());
      return row;
    }).toList());
  }

  /** A row of the qualification form: what the department reads of the bid, and empty answers. */
  private static Map<String, Object> sheetRow(OpenedBid bid, String creditWindow, boolean excluded, String findings) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("bidderName", bid.bidderName());
    row.put("price", Money.yuan(bid.price()));
    row.put("submittedAt", bid.submittedAt());
    row.put("qualifications", nullToDash(bid.qualifications()));
    row.put("creditWindow", creditWindow);
    row.put("creditFindings", findings);
    row.put(SHEET_EXCLUDED, excluded);
    row.put(QUALIFICATION, null);
    row.put(QUALIFICATION_REASON, null);
    return row;
  }

  /** Select options {label, value}: the department's staff who may sit on the panel as its representative. */
  private static List<Map<String, String>> representatives(IdentityService identity, String departmentGroup) {
    List<User> users = SystemAccess.run(() -> identity.createUserQuery().memberOfGroup(departmentGroup)
        .orderByUserId().asc().list());
    return users.stream().map(u -> Map.of("label", OrganisationNames.displayName(u) + "（" + u.getId() + "）",
        "value", u.getId())).toList();
  }

  private static String nullToDash(String text) {
    return text == null || text.isBlank() ? "—" : text;
  }
}
