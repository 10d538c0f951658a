package org.publicservice.procurement.portal;

import static org.publicservice.procurement.portal.NoticeSearch.blankToNull;
import static org.publicservice.procurement.portal.NoticeSearch.number;
import static org.publicservice.procurement.portal.NoticeSearch.shorten;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.publicservice.procurement.disclosure.ProjectQuery;
import org.publicservice.procurement.disclosure.ProjectStatus;
import org.publicservice.procurement.planning.ProcurementMethod;
import org.publicservice.procurement.planning.ServiceCategory;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search of the project list as the public types it into the address: every parameter is text and checked
 * here (as in {@link NoticeSearch}), so that a bad one answers a Chinese 400 page. The year is the year of the
 * plan's approval, Beijing time.
 */
public record ProjectSearch(String keyword, String category, String department, Integer year, String method,
    ProjectStatus status, int page) {

  public static final int PAGE_SIZE = NoticeSearch.PAGE_SIZE;
  static final int MAX_DEPARTMENT = 200;

  static ProjectSearch parse(String keyword, String category, String department, String year, String method,
      String status, String page) {
    String q = blankToNull(keyword);
    if (q != null && q.length() > NoticeSearch.MAX_KEYWORD) {
      throw PortalRequestException.badRequest("关键词不能超过" + NoticeSearch.MAX_KEYWORD + "个字。");
    }
    String categoryCode = blankToNull(category);
    if (categoryCode != null && !ServiceCategory.codes().contains(categoryCode)) {
      throw PortalRequestException.badRequest("服务类别“" + shorten(categoryCode) + "”不存在。");
    }
    String departmentName = blankToNull(department);
    if (departmentName != null && departmentName.length() > MAX_DEPARTMENT) {
      throw PortalRequestException.badRequest("采购单位名称过长。");
    }
    Integer approvalYear = null;
    String yearText = blankToNull(year);
    if (yearText != null) {
      approvalYear = number(yearText, "年份");
      if (approvalYear < NoticeSearch.FIRST_YEAR || approvalYear > NoticeSearch.LAST_YEAR) {
        throw PortalRequestException.badRequest(
            "年份应在" + NoticeSearch.FIRST_YEAR + "至" + NoticeSearch.LAST_YEAR + "之间。");
      }
    }
    String methodCode = blankToNull(method);
    if (methodCode != null && Arrays.stream(ProcurementMethod.values()).noneMatch(m -> m.name().equals(methodCode))) {
      throw PortalRequestException.badRequest("采购方式“" + shorten(methodCode) + "”不存在。");
    }
    ProjectStatus projectStatus = null;
    String statusCode = blankToNull(status);
    if (statusCode != null) {
      try {
        projectStatus = ProjectStatus.valueOf(statusCode);
      } catch (IllegalArgumentException e) {
        throw PortalRequestException.badRequest("项目状态“" + shorten(statusCode) + "”不存在。");
      }
    }
    int pageNumber = 1;
    String pageText = blankToNull(page);
    if (pageText != null) {
      pageNumber = number(pageText, "页码");
      if (pageNumber < 1) {
        throw PortalRequestException.badRequest("页码应从1开始。");
      }
    }
    return new ProjectSearch(q, categoryCode, departmentName, approvalYear, methodCode, projectStatus, pageNumber);
  }

  ProjectQuery query() {
    OffsetDateTime from = year == null ? null
        : LocalDate.of(year, 1, 1).atStartOfDay(ProcurementTime.ZONE).toOffsetDateTime();
    OffsetDateTime until = from == null ? null : from.plusYears(1);
    return new ProjectQuery(keyword, category, department, from, until, method, status);
  }

  int offset() {
    return (page - 1) * PAGE_SIZE;
  }

  public boolean filtered() {
    return keyword != null || category != null || department != null || year != null || method != null
        || status != null;
  }

  /** The address of another page of the same search. */
  public String pageUrl(int number) {
    var uri = UriComponentsBuilder.fromPath("/portal/projects");
    if (keyword != null) {
      uri.queryParam("q", keyword);
    }
    if (category != null) {
      uri.queryParam("category", category);
    }
    if (department != null) {
      uri.queryParam("department", department);
    }
    if (year != null) {
      uri.queryParam("year", year);
    }
    if (method != null) {
      uri.queryParam("method", method);
    }
    if (status != null) {
      uri.queryParam("status", status.name());
    }
    if (number > 1) {
      uri.queryParam("page", number);
    }
    return uri.encode().build().toUriString();
  }
}
