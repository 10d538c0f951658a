package org.publicservice.procurement.review;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.publicservice.procurement.purchase.JsonValues;

/**
 * One opened bid as the tender stage hands it over ({@code openedBids}: written by the tender stage's opening and read
 * by the review, the award's bond refunds and the remedies, always through this record); public after opening.
 * {@code smeDeclaration} is the size its 中小企业声明函 declares (or {@code null}), {@code smeDeductionPercent} the
 * price deduction the tender's SME policy gives it (财库〔2020〕46号第九条; 0 for none). {@code bidBond} says how the
 * bid bond the documents ask for was lodged ("银行保函（编号…）", or "未载明"), {@code null} when they ask for none.
 */
public record OpenedBid(String bidId, String bidder, String bidderName, BigDecimal price, String servicePlan,
    String team, String qualifications, String submittedAt, String smeDeclaration, BigDecimal smeDeductionPercent,
    String bidBond) {

  public OpenedBid(String bidId, String bidder, String bidderName, BigDecimal price, String servicePlan, String team,
      String qualifications, String submittedAt, String smeDeclaration, BigDecimal smeDeductionPercent) {
    this(bidId, bidder, bidderName, price, servicePlan, team, qualifications, submittedAt, smeDeclaration,
        smeDeductionPercent, null);
  }

  public OpenedBid(String bidId, String bidder, String bidderName, BigDecimal price, String servicePlan, String team,
      String qualifications, String submittedAt) {
    this(bidId, bidder, bidderName, price, servicePlan, team, qualifications, submittedAt, null, BigDecimal.ZERO);
  }

  /** The price the evaluation uses: the bid's price less its SME deduction ({@link PriceDeduction}). */
  public BigDecimal evaluatedPrice() {
    return PriceDeduction.evaluatedPrice(price, smeDeductionPercent);
  }

  public static List<OpenedBid> list(Object json) {
    return JsonValues.rows(json).stream().map(OpenedBid::of).toList();
  }

  /** The bids as the variable that carries them from stage to stage. */
  public static SerializableValue json(List<OpenedBid> bids) {
    return JsonValues.json(bids.stream().map(OpenedBid::toRow).toList());
  }

  static OpenedBid of(Map<String, Object> row) {
    Object price = row.get("price");
    return new OpenedBid(text(row.get("bidId")), text(row.get("bidder")), text(row.get("bidderName")),
        price == null ? null : new BigDecimal(price.toString()), text(row.get("servicePlan")),
        text(row.get("team")), text(row.get("qualifications")), text(row.get("submittedAt")),
        text(row.get("smeDeclaration")), row.get("smeDeductionPercent") == null ? BigDecimal.ZERO
            : new BigDecimal(row.get("smeDeductionPercent").toString()), text(row.get("bidBond")));
  }

  Map<String, Object> toRow() {
    Map<String, Object> row = JsonValues.row(this);
    if (bidBond == null) {
      row.remove("bidBond");
    }
    return row;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
