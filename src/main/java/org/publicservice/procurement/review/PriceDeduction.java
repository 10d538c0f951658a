package org.publicservice.procurement.review;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The price deduction for small and micro enterprises (政府采购促进中小企业发展管理办法, 财库〔2020〕46号第九条, with the
 * services rate of 10%-20% set by 财库〔2022〕19号): a declared small or micro enterprise's price is reduced by the
 * documents' rate, and the reduced price takes part in the evaluation, as the lowest price that sets the reference
 * price (评标基准价) and as the price scored against it; under 最低评标价法 it is the price compared. The contract is
 * still signed at the price offered (政府采购法第四十六条). A step of its own before the ranking: the tender stage
 * gives each opened bid its rate, {@link Ranking} only reads {@link OpenedBid#evaluatedPrice()}.
 */
public final class PriceDeduction {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private PriceDeduction() {
  }

  /** price × (100 − rate) / 100, in fen. */
  public static BigDecimal evaluatedPrice(BigDecimal price, BigDecimal ratePercent) {
    if (price == null) {
      return null;
    }
    if (ratePercent == null || ratePercent.signum() == 0) {
      return price;
    }
    return price.multiply(HUNDRED.subtract(ratePercent)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
  }

  /** How a ranking line or notice states the deduction: "小型企业，价格扣除10%，评审价格972,000.00元". */
  public static String describe(String smeDeclaration, BigDecimal ratePercent, String evaluatedPriceText) {
    String size = switch (smeDeclaration == null ? "" : smeDeclaration) {
      case "MEDIUM" -> "中型企业";
      case "SMALL" -> "小型企业";
      case "MICRO" -> "微型企业";
      default -> null;
    };
    if (size == null) {
      return "";
    }
    if (ratePercent == null || ratePercent.signum() == 0) {
      return "中小企业声明：" + size;
    }
    return "中小企业声明：" + size + "，价格扣除" + ratePercent.stripTrailingZeros().toPlainString() + "%，评审价格"
        + evaluatedPriceText;
  }
}
