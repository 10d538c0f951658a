package org.publicservice.procurement.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.publicservice.procurement.purchase.JsonValues;

/**
 * One line of the review stage's {@code ranking} (ReviewVariables.RANKING), best first, and of the award's
 * {@code candidates}: written by the review's ranking and read by the award and the contract stage, always through
 * this record. With the SME declaration and the price deduction it earned (财库〔2020〕46号第九条), so a replacement
 * award's candidates keep them.
 */
public record RankedBid(int rank, String bidId, String bidder, String bidderName, BigDecimal price,
    BigDecimal priceScore, BigDecimal criteriaScore, BigDecimal totalScore, BigDecimal evaluatedPrice,
    String smeDeclaration, BigDecimal smeDeductionPercent) {

  /** A line without an SME declaration: evaluated at its price. */
  public RankedBid(int rank, String bidId, String bidder, String bidderName, BigDecimal price, BigDecimal priceScore,
      BigDecimal criteriaScore, BigDecimal totalScore) {
    this(rank, bidId, bidder, bidderName, price, priceScore, criteriaScore, totalScore, price, null, BigDecimal.ZERO);
  }

  /** The lines as the variable ({@code ranking}, {@code candidates}) that carries them from stage to stage. */
  public static SerializableValue json(List<RankedBid> bids) {
    return JsonValues.json(bids);
  }

  /** The ranking variable (Spin JSON, text or list) as lines ordered by rank. */
  public static List<RankedBid> of(Object ranking) {
    return JsonValues.rows(ranking).stream().map(RankedBid::fromRow)
        .sorted(Comparator.comparingInt(RankedBid::rank)).toList();
  }

  private static RankedBid fromRow(Map<String, Object> row) {
    Object bidder = row.get("bidder");
    if (bidder == null || row.get("rank") == null || row.get("price") == null) {
      throw new IllegalStateException("Ranking line without bidder, rank or price: " + row);
    }
    String name = row.get("bidderName") == null ? bidder.toString() : row.get("bidderName").toString();
    return new RankedBid(((Number) number(row.get("rank"))).intValue(),
        row.get("bidId") == null ? null : row.get("bidId").toString(), bidder.toString(), name,
        number(row.get("price")), number(row.get("priceScore")), number(row.get("criteriaScore")),
        number(row.get("totalScore")),
        row.get("evaluatedPrice") == null ? number(row.get("price")) : number(row.get("evaluatedPrice")),
        row.get("smeDeclaration") == null ? null : row.get("smeDeclaration").toString(),
        row.get("smeDeductionPercent") == null ? BigDecimal.ZERO : number(row.get("smeDeductionPercent")));
  }

  private static BigDecimal number(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return new BigDecimal(value.toString().trim());
  }

  /** The line as the variable's JSON has it. */
  public Map<String, Object> toRow() {
    return JsonValues.row(this);
  }

  /** "85.50分" or "—" when the lowest-price method gave no score. */
  public static String score(BigDecimal score) {
    return score == null ? "—" : score.setScale(2, RoundingMode.HALF_UP).toPlainString() + "分";
  }
}
