package org.publicservice.procurement.tender;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The bid form as the organisation typed it: all text, so that a mistyped price comes back into the form with a
 * Chinese message instead of a conversion error, and nothing reaches the bid box before it is well-formed.
 */
public record BidForm(String price, String servicePlan, String team, String qualifications,
    String smeDeclaration, String bondForm, String bondReference) {

  static final int MAX_PRICE = 30;
  public static final int MAX_SERVICE_PLAN = 20_000;
  static final int MAX_TEAM = 5_000;
  static final int MAX_QUALIFICATIONS = 10_000;
  /** Yuan with at most two decimals, digits plain or grouped by thousands; spaces and a trailing 元 are dropped. */
  private static final Pattern AMOUNT =
      Pattern.compile("([0-9]{1,13}|[0-9]{1,3}(,[0-9]{3}){1,4})(\\.[0-9]{1,2})?");

  /** The answers of the 中小企业声明函 select: none, or the size the enterprise declares. */
  static final java.util.List<String> SME_DECLARATIONS = java.util.List.of("", "MEDIUM", "SMALL", "MICRO");

  static BidForm empty() {
    return new BidForm("", "", "", "", "", "", "");
  }

  static BidForm of(BidContent content) {
    return new BidForm(content.price() == null ? "" : content.price().toPlainString(),
        nullToEmpty(content.servicePlan()), nullToEmpty(content.team()), nullToEmpty(content.qualifications()),
        nullToEmpty(content.smeDeclaration()), nullToEmpty(content.bondForm()), nullToEmpty(content.bondReference()));
  }

  static BidForm sent(String price, String servicePlan, String team, String qualifications) {
    return sent(price, servicePlan, team, qualifications, null, null, null);
  }

  static BidForm sent(String price, String servicePlan, String team, String qualifications, String smeDeclaration,
      String bondForm, String bondReference) {
    return new BidForm(nullToEmpty(price), nullToEmpty(servicePlan), nullToEmpty(team),
        nullToEmpty(qualifications), nullToEmpty(smeDeclaration), nullToEmpty(bondForm), nullToEmpty(bondReference));
  }

  /** The problems of the form by field, in Chinese; empty when the bid box may judge it. */
  Map<String, String> problems() {
    Map<String, String> problems = new LinkedHashMap<>();
    if (price.isBlank()) {
      problems.put("price", "请填写报价（元）。");
    } else if (price.length() > MAX_PRICE || !AMOUNT.matcher(typedPrice()).matches()) {
      problems.put("price", "报价应为以元为单位的金额，最多两位小数，如 1250000 或 1,250,000.00。");
    }
    tooLong(problems, "servicePlan", servicePlan, "服务方案", MAX_SERVICE_PLAN);
    tooLong(problems, "team", team, "团队", MAX_TEAM);
    tooLong(problems, "qualifications", qualifications, "资格证明材料", MAX_QUALIFICATIONS);
    if (!SME_DECLARATIONS.contains(smeDeclaration)) {
      problems.put("smeDeclaration", "请从列表中选择中小企业声明。");
    }
    return problems;
  }

  /** The content for the bid box; only after {@link #problems()} came back empty. */
  BidContent content() {
    return new BidContent(new BigDecimal(normalisedPrice()), servicePlan.strip(), team.strip(),
        qualifications.strip(), smeDeclaration.isEmpty() ? null : smeDeclaration,
        bondForm.isBlank() ? null : bondForm.strip(), bondReference.isBlank() ? null : bondReference.strip());
  }

  /** The price without spaces and unit, with the full-width comma of a Chinese keyboard as a comma. */
  private String typedPrice() {
    String text = price.replace(" ", "").replace("\u3000", "").replace("，", ",");
    return text.endsWith("元") ? text.substring(0, text.length() - 1) : text;
  }

  private String normalisedPrice() {
    return typedPrice().replace(",", "");
  }

  private static void tooLong(Map<String, String> problems, String field, String text, String label, int max) {
    if (text.length() > max) {
      problems.put(field, label + "不能超过" + max + "个字（现有" + text.length() + "个字）。");
    }
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
