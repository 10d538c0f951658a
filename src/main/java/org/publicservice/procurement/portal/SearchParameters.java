package org.publicservice.procurement.portal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.publicservice.procurement.purchase.ProcurementTime;

/**
 * The parameters of a portal list's search as the public types them into the address (the notice list, the project
 * list): every one is text and checked here, so that a bad one answers a Chinese 400 page instead of Spring's
 * conversion error, and each kind of parameter is checked the same way on every list.
 */
final class SearchParameters {

  static final int PAGE_SIZE = 20;
  static final int MAX_KEYWORD = 50;
  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2100;

  private SearchParameters() {
  }

  static String keyword(String text) {
    String keyword = blankToNull(text);
    if (keyword != null && keyword.length() > MAX_KEYWORD) {
      throw PortalRequestException.badRequest("关键词不能超过" + MAX_KEYWORD + "个字。");
    }
    return keyword;
  }

  /** A name chosen from a list (发布单位, 采购单位), at most {@code max} characters. */
  static String name(String text, int max, String what) {
    String name = blankToNull(text);
    if (name != null && name.length() > max) {
      throw PortalRequestException.badRequest(what + "名称过长。");
    }
    return name;
  }

  /** One of {@code codes} (服务类别, 采购方式). */
  static String code(String text, Collection<String> codes, String what) {
    String code = blankToNull(text);
    if (code != null && !codes.contains(code)) {
      throw PortalRequestException.badRequest(what + "“" + shorten(code) + "”不存在。");
    }
    return code;
  }

  /** A constant of {@code type} by its name (公告类型, 项目状态). */
  static <E extends Enum<E>> E constant(Class<E> type, String text, String what) {
    String code = blankToNull(text);
    if (code == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, code);
    } catch (IllegalArgumentException e) {
      throw PortalRequestException.badRequest(what + "“" + shorten(code) + "”不存在。");
    }
  }

  static Integer year(String text) {
    String yearText = blankToNull(text);
    if (yearText == null) {
      return null;
    }
    int year = number(yearText, "年份");
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw PortalRequestException.badRequest("年份应在" + FIRST_YEAR + "至" + LAST_YEAR + "之间。");
    }
    return year;
  }

  /** The page number, 1 when none is given. */
  static int page(String text) {
    String pageText = blankToNull(text);
    if (pageText == null) {
      return 1;
    }
    int page = number(pageText, "页码");
    if (page < 1) {
      throw PortalRequestException.badRequest("页码应从1开始。");
    }
    return page;
  }

  /** The start of the year in Beijing time, null for no year. */
  static OffsetDateTime startOf(Integer year) {
    return year == null ? null : LocalDate.of(year, 1, 1).atStartOfDay(ProcurementTime.ZONE).toOffsetDateTime();
  }

  /** The end of the year (the start of the next) in Beijing time, null for no year. */
  static OffsetDateTime endOf(Integer year) {
    return year == null ? null : startOf(year).plusYears(1);
  }

  /**
   * The parameters given, from pairs of name and value, in that order, each as the address writes it (a constant by
   * its name); a null value is no parameter.
   */
  static Map<String, String> given(Object... namesAndValues) {
    Map<String, String> given = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Object value = namesAndValues[i + 1];
      if (value != null) {
        given.put((String) namesAndValues[i], value instanceof Enum<?> constant ? constant.name() : value.toString());
      }
    }
    return given;
  }

  /** Page numbers to link: the first, the last and two either side of the current one; 0 marks a gap. */
  static List<Integer> pageLinks(int current, int pages) {
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
