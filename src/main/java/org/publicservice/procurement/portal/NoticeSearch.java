package org.publicservice.procurement.portal;

import java.util.Map;
import org.publicservice.procurement.disclosure.NoticeQuery;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.planning.ServiceCategory;

/** The search of the notice list, its parameters checked by {@link SearchParameters}. */
public record NoticeSearch(String keyword, NoticeType type, Integer year, String publisher, String category,
    int page) implements ListSearch {

  static final int MAX_PUBLISHER = 200;

  static NoticeSearch parse(String keyword, String type, String year, String publisher, String category,
      String page) {
    return new NoticeSearch(SearchParameters.keyword(keyword),
        SearchParameters.constant(NoticeType.class, type, "公告类型"), SearchParameters.year(year),
        SearchParameters.name(publisher, MAX_PUBLISHER, "发布单位"),
        SearchParameters.code(category, ServiceCategory.codes(), "服务类别"), SearchParameters.page(page));
  }

  NoticeQuery query() {
    return new NoticeQuery(keyword, type, SearchParameters.startOf(year), SearchParameters.endOf(year), publisher,
        category);
  }

  @Override
  public String path() {
    return "/portal/notices";
  }

  @Override
  public Map<String, String> parameters() {
    return SearchParameters.given("q", keyword, "type", type, "year", year, "publisher", publisher,
        "category", category);
  }
}
