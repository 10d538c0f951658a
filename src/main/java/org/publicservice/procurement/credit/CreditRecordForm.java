package org.publicservice.procurement.credit;

import static org.publicservice.procurement.credit.CreditVariables.*;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.publicservice.procurement.identity.OrganisationNames;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.ProcurementTime;

/** Reads the credit-record start form, rejecting in Chinese what an administrator could get wrong. */
final class CreditRecordForm {

  /** What the form asks the register to do. */
  record Request(String action, String organisation, String organisationName, CreditListing listing,
      CreditEffect effect, String source, String reason, LocalDate validFrom, LocalDate validUntil,
      String projectNumber) {
  }

  private CreditRecordForm() {
  }

  static Request read(VariableScope scope, IdentityService identity, CreditRegister register) {
    FormRules form = FormRules.of(scope);
    String action = form.requiredChoice(ACTION, "操作", List.of(ACTION_ADD, ACTION_END, ACTION_REVOKE));
    String organisation = form.requiredText(ORGANISATION, "承接主体账号", 64);
    String name = OrganisationNames.nameOf(identity, organisation);
    if (name == null) {
      throw FormRules.reject(ORGANISATION, "“" + organisation + "”不是已登记的承接主体账号。");
    }
    CreditListing listing = CreditListing.valueOf(form.requiredChoice(LISTING, "名单",
        Arrays.stream(CreditListing.values()).map(Enum::name).toList()));
    String reason = form.requiredText(REASON, ACTION_ADD.equals(action) ? "列入原因" : "理由", 1000);
    LocalDate today = ProcurementTime.today();
    switch (action) {
      case ACTION_ADD -> {
        CreditEffect effect = CreditEffect.valueOf(form.requiredChoice(EFFECT, "处理结果",
            Arrays.stream(CreditEffect.values()).map(Enum::name).toList()));
        String source = form.requiredText(SOURCE, "信息来源", 300);
        LocalDate from = form.requiredDate(VALID_FROM, "起始日期");
        LocalDate until = form.optionalText(VALID_UNTIL) == null ? null : form.requiredDate(VALID_UNTIL, "截止日期");
        if (until != null && until.isBefore(from)) {
          throw FormRules.reject(VALID_UNTIL, "截止日期不能早于起始日期。");
        }
        if (until != null && until.isBefore(today)) {
          throw FormRules.reject(VALID_UNTIL, "截止日期已过，该记录不会再起作用，无需录入。");
        }
        String project = form.optionalText(PROJECT_NUMBER);
        if (project != null && !project.matches("NT-\\d{4}-\\d{4}")) {
          throw FormRules.reject(PROJECT_NUMBER, "项目编号格式应为 NT-年份-四位序号，例如 NT-2026-0001。");
        }
        return new Request(action, organisation, name, listing, effect, source, reason, from, until, project);
      }
      case ACTION_END -> {
        LocalDate lastDay = form.requiredDate(VALID_UNTIL, "截止日期");
        List<CreditRecord> current = register.activeRecordsOf(organisation, today).stream()
            .filter(r -> r.listing() == listing).toList();
        if (current.isEmpty()) {
          throw FormRules.reject(LISTING, name + "目前没有“" + listing.chineseName() + "”的有效记录。");
        }
        if (lastDay.isBefore(today.minusDays(1))) {
          throw FormRules.reject(VALID_UNTIL, "截止日期不能早于昨天；录入有误的记录请选择“撤销”。");
        }
        if (current.stream().anyMatch(r -> lastDay.isBefore(r.validFrom()))) {
          throw FormRules.reject(VALID_UNTIL, "截止日期不能早于记录的起始日期；录入有误的记录请选择“撤销”。");
        }
        return new Request(action, organisation, name, listing, null, null, reason, null, lastDay, null);
      }
      default -> {
        boolean any = register.recordsOf(organisation).stream().anyMatch(r -> r.listing() == listing);
        if (!any) {
          throw FormRules.reject(LISTING, name + "没有“" + listing.chineseName() + "”的记录可撤销。");
        }
        return new Request(action, organisation, name, listing, null, null, reason, null, null, null);
      }
    }
  }
}
