package org.publicservice.procurement.portal;

import static org.publicservice.procurement.purchase.ProcurementTime.DAY;
import static org.publicservice.procurement.purchase.ProcurementTime.MINUTE;

import java.time.OffsetDateTime;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.ProjectStatus;
import org.publicservice.procurement.disclosure.PublicPlans.PublicPlan;
import org.publicservice.procurement.disclosure.PublicProjects.PublicProject;
import org.publicservice.procurement.planning.ProcurementMethod;
import org.publicservice.procurement.planning.ServiceCategory;
import org.publicservice.procurement.purchase.Money;
import org.publicservice.procurement.tender.TenderCall;

/** What the templates show, already in the reader's terms: Chinese labels, Beijing time, yuan. */
public final class PortalViews {


  private PortalViews() {
  }

  record NoticeView(long id, String projectNumber, String typeLabel, String title, String content,
      String publishedAt, String publishedDay, String publisher) {
  }

  record PlanView(String projectNumber, String serviceName, String category, String department, String budget,
      String method, String period, String region, String approvedAt) {
  }

  record Option(String value, String label) {
  }

  /** A row of the project list; the status is empty for a project that has published nothing. */
  record ProjectView(String projectNumber, String serviceName, String category, String department, String budget,
      String method, String status, String approvedDay) {
  }

  static ProjectView project(PublicProject project) {
    PublicPlan plan = project.plan();
    return new ProjectView(plan.projectNumber(), plan.serviceName(), categoryLabel(plan.serviceCategory()),
        plan.departmentName(), Money.yuan(plan.budget()), methodLabel(plan.procurementMethod()),
        project.status().map(ProjectStatus::label).orElse(""), DAY.format(plan.approvedAt()));
  }

  record OpenTenderView(String projectNumber, String serviceName, String department, String method, String budget,
      String bidDeadline, String clarificationDeadline, int round) {
  }

  static OpenTenderView openTender(TenderCall call) {
    return new OpenTenderView(call.projectNumber(), call.serviceName(), call.departmentName(),
        methodLabel(call.procurementMethod()), Money.yuan(call.budget()), MINUTE.format(call.bidDeadline()),
        MINUTE.format(call.clarificationDeadline()), call.round());
  }

  static NoticeView notice(DisclosureNotice notice) {
    OffsetDateTime at = notice.publishedAt();
    return new NoticeView(notice.id(), notice.projectNumber(), notice.type().label(), notice.title(),
        notice.content(), MINUTE.format(at), DAY.format(at), notice.publisher());
  }

  static PlanView plan(PublicPlan plan) {
    return new PlanView(plan.projectNumber(), plan.serviceName(), categoryLabel(plan.serviceCategory()),
        plan.departmentName(), Money.yuan(plan.budget()), methodLabel(plan.procurementMethod()),
        DAY.format(plan.servicePeriodStart()) + " 至 " + DAY.format(plan.servicePeriodEnd()), plan.region(),
        DAY.format(plan.approvedAt()));
  }

  static String categoryLabel(String code) {
    try {
      return ServiceCategory.valueOf(code).label();
    } catch (IllegalArgumentException e) {
      return code;
    }
  }

  public static String methodLabel(String code) {
    try {
      return ProcurementMethod.valueOf(code).label();
    } catch (IllegalArgumentException e) {
      return code;
    }
  }

}
