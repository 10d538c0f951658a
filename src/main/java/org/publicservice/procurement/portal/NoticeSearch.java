package org.publicservice.procurement.portal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.publicservice.procurement.disclosure.NoticeQuery;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.planning.ServiceCategory;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search of the notice list as the public types it into the address: every parameter is text and checked
 * here, so that a bad one answers a Chinese 400 page instead of Spring's conversion error.
 */
public record NoticeSearch(String keyword, NoticeType type, Integer year, String publisher, String category,
    int page) {

  public static final int PAGE_SIZE = 20;
  static final int MAX_KEYWORD = 50;
  static final int MAX_PUBLISHER = 200;
  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2100;

  static NoticeSearch parse(String keyword, String type, String year, String publisher, String category,
      String page) {
    String q = blankToNull(keyword);
    if (q != null && q.length() > MAX_KEYWORD) {
      throw PortalRequestException.badRequest("关键词不能超过" + MAX_KEYWORD + "个字。");
    }
    NoticeType noticeType = null;
    String typeCode = blankToNull(type);
    if (typeCode != null) {
      try {
        noticeType = NoticeType.valueOf(typeCode);
      } catch (IllegalArgumentException e) {
        throw PortalRequestException.badRequest("公告类型“" + shorten(typeCode) + "”不存在。");
      }
    }
    Integer noticeYear = null;
    String yearText = blankToNull(year);
    if (yearText != null) {
      noticeYear = number(yearText, "年份");
      if (noticeYear < FIRST_YEAR || noticeYear > LAST_YEAR) {
        throw PortalRequestException.badRequest("年份应在" + FIRST_YEAR + "至" + LAST_YEAR + "之间。");
      }
    }
    String publisherName = blankToNull(publisher);
    if (publisherName != null && publisherName.length() > MAX_PUBLISHER) {
      throw PortalRequestException.badRequest("发布单位名称过长。");
    }
    String categoryCode = blankToNull(category);
    if (categoryCode != null && !ServiceCategory.codes().contains(categoryCode)) {
      throw PortalRequestException.badRequest("服务类别“" + shorten(categoryCode) + "”不存在。");
    }
    int pageNumber = 1;
    String pageText = blankToNull(page);
    if (pageText != null) {
      pageNumber = number(pageText, "页码");
      if (pageNumber < 1) {
        throw PortalRequestException.badRequest("页码应从1开始。");
      }
    }
    return new NoticeSearch(q, noticeType, noticeYear, publisherName, categoryCode, pageNumber);
  }

  NoticeQuery query() {
    OffsetDateTime from = year == null ? null
        : java.time.LocalDate.of(year, 1, 1).atStartOfDay(ProcurementTime.ZONE).toOffsetDateTime();
    OffsetDateTime until = from == null ? null : from.plusYears(1);
    return new NoticeQuery(keyword, type, from, until, publisher, category);
  }

  int offset() {
    return (page - 1) * PAGE_SIZE;
  }

  public boolean filtered() {
    return keyword != null || type != null || year != null || publisher != null || category != null;
  }

  /** The address of another page of the same search. */
  public String pageUrl(int number) {
    var uri = UriComponentsBuilder.fromPath("/portal/notices");
    if (keyword != null) {
      uri.queryParam("q", keyword);
    }
    if (type != null) {
      uri.queryParam("type", type.name());
    }
    if (year != null) {
      uri.queryParam("year", year);
    }
    if (publisher != null) {
      uri.queryParam("publisher", publisher);
    }
    if (category != null) {
      uri.queryParam("category", category);
    }
    if (number > 1) {
      uri.queryParam("page", number);
    }
    return uri.encode().build().toUriString();
  }

  /** Page numbers to link: the first, the last and two either side of the current one; 0 marks a gap. */
  public static List<Integer> pageLinks(int current, int pages) {
    List<Integer> links = new ArrayList<>();
    for (int n = 1; n <= pages; n++) {
      if (n == 1 || n == pages || Math.abs(n - current) <= 2) {
        links.add(n);
      } else if (!links.isEmpty() && links.get(links.size() - 1) != 0) {
        links.add(0);
      }
    }
    return links;
  }

  static int number(String text, String what) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw PortalRequestException.badRequest(what + "“" + shorten(text) + "”不是有效的数字。");
    }
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** Echoes the reader's input in a message without letting a long one fill the page. */
  static String shorten(String text) {
    return text.length() <= 20 ? text : text.substring(0, 20) + "…";
  }
}
