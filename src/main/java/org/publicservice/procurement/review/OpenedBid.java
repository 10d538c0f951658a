package org.publicservice.procurement.review;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.publicservice.procurement.purchase.JsonValues;

/** One opened bid as the tender stage hands it over ({@code openedBids}); public after opening. */
public record OpenedBid(String bidId, String bidder, String bidderName, BigDecimal price, String servicePlan,
    String team, String qualifications, String submittedAt) {

  public static List<OpenedBid> list(Object json) {
    return JsonValues.rows(json).stream().map(OpenedBid::of).toList();
  }

  static OpenedBid of(Map<String, Object> row) {
    Object price = row.get("price");
    return new OpenedBid(text(row.get("bidId")), text(row.get("bidder")), text(row.get("bidderName")),
        price == null ? null : new BigDecimal(price.toString()), text(row.get("servicePlan")),
        text(row.get("team")), text(row.get("qualifications")), text(row.get("submittedAt")));
  }

  Map<String, Object> toRow() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("bidId", bidId);
    row.put("bidder", bidder);
    row.put("bidderName", bidderName);
    row.put("price", price);
    row.put("servicePlan", servicePlan);
    row.put("team", team);
    row.put("qualifications", qualifications);
    row.put("submittedAt", submittedAt);
    return row;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
