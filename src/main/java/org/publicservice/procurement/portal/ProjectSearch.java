package org.publicservice.procurement.portal;

import java.util.Arrays;
import java.util.Map;
import org.publicservice.procurement.disclosure.ProjectQuery;
import org.publicservice.procurement.disclosure.ProjectStatus;
import org.publicservice.procurement.planning.ProcurementMethod;
import org.publicservice.procurement.planning.ServiceCategory;

/**
 * The search of the project list, its parameters checked by {@link SearchParameters}. The year is the year of the
 * plan's approval, Beijing time.
 */
public record ProjectSearch(String keyword, String category, String department, Integer year, String method,
    ProjectStatus status, int page) implements ListSearch {

  static final int MAX_DEPARTMENT = 200;

  static ProjectSearch parse(String keyword, String category, String department, String year, String method,
      String status, String page) {
    return new ProjectSearch(SearchParameters.keyword(keyword),
        SearchParameters.code(category, ServiceCategory.codes(), "服务类别"),
        SearchParameters.name(department, MAX_DEPARTMENT, "采购单位"), SearchParameters.year(year),
        SearchParameters.code(method, Arrays.stream(ProcurementMethod.values()).map(Enum::name).toList(), "采购方式"),
        SearchParameters.constant(ProjectStatus.class, status, "项目状态"), SearchParameters.page(page));
  }

  ProjectQuery query() {
    return new ProjectQuery(keyword, category, department, SearchParameters.startOf(year),
        SearchParameters.endOf(year), method, status);
  }

  @Override
  public String path() {
    return "/portal/projects";
  }

  @Override
  public Map<String, String> parameters() {
    return SearchParameters.given("q", keyword, "category", category, "department", department, "year", year,
        "method", method, "status", status);
  }
}
