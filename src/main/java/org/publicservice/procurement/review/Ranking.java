package org.publicservice.procurement.review;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks the qualified bids (87号令第五十四至第五十五条). 综合评分法: price score = lowest valid price / bid price × price weight;
 * each criterion's score is the average over the panel; the bids rank by total score, ties by the lower price,
 * then by earlier submission. 最低评标价法: the lowest price ranks first, scores stay 0.
 */
public final class Ranking {

  /** One line of the ranking, as the OUT variable {@code ranking} carries it. */
  public record Entry(int rank, String bidId, String bidder, String bidderName, BigDecimal price,
      BigDecimal priceScore, BigDecimal criteriaScore, BigDecimal totalScore) {

    public Map<String, Object> toRow() {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("rank", rank);
      row.put("bidId", bidId);
      row.put("bidder", bidder);
      row.put("bidderName", bidderName);
      row.put("price", price);
      row.put("priceScore", priceScore);
      row.put("criteriaScore", criteriaScore);
      row.put("totalScore", totalScore);
      return row;
    }
  }

  private static final MathContext PRECISION = MathContext.DECIMAL64;

  private Ranking() {
  }

  /**
   * @param scores member user id → bid id → criterion index (1-based) → score; every member scored every bid on
   *     every criterion
   */
  public static List<Entry> comprehensive(List<OpenedBid> bids, List<Criterion> criteria, BigDecimal priceWeight,
      Map<String, Map<String, Map<Integer, BigDecimal>>> scores) {
    if (scores.isEmpty()) {
      throw new IllegalStateException("no scores to rank");
    }
    BigDecimal lowest = bids.stream().map(OpenedBid::price).min(Comparator.naturalOrder()).orElseThrow();
    BigDecimal members = BigDecimal.valueOf(scores.size());
    List<Entry> unranked = new ArrayList<>();
    for (OpenedBid bid : bids) {
      BigDecimal priceScore = lowest.divide(bid.price(), PRECISION).multiply(priceWeight)
          .setScale(2, RoundingMode.HALF_UP);
      BigDecimal criteriaScore = BigDecimal.ZERO;
      for (int c = 1; c <= criteria.size(); c++) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map<String, Map<Integer, BigDecimal>> byBid : scores.values()) {
          BigDecimal score = byBid.getOrDefault(bid.bidId(), Map.of()).get(c);
          if (score == null) {
            throw new IllegalStateException("score missing for bid " + bid.bidId() + " criterion " + c);
          }
          sum = sum.add(score);
        }
        criteriaScore = criteriaScore.add(sum.divide(members, PRECISION));
      }
      criteriaScore = criteriaScore.setScale(2, RoundingMode.HALF_UP);
      unranked.add(new Entry(0, bid.bidId(), bid.bidder(), bid.bidderName(), bid.price(), priceScore,
          criteriaScore, priceScore.add(criteriaScore)));
    }
    List<Entry> sorted = new ArrayList<>(unranked);
    sorted.sort(Comparator.comparing(Entry::totalScore).reversed().thenComparing(Entry::price)
        .thenComparingInt(unranked::indexOf));
    return numbered(sorted);
  }

  public static List<Entry> lowestPrice(List<OpenedBid> bids) {
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    List<Entry> unranked = bids.stream().map(bid -> new Entry(0, bid.bidId(), bid.bidder(), bid.bidderName(),
        bid.price(), zero, zero, zero)).toList();
    List<Entry> sorted = new ArrayList<>(unranked);
    sorted.sort(Comparator.comparing(Entry::price).thenComparingInt(unranked::indexOf));
    return numbered(sorted);
  }

  private static List<Entry> numbered(List<Entry> sorted) {
    List<Entry> ranked = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Entry e = sorted.get(i);
      ranked.add(new Entry(i + 1, e.bidId(), e.bidder(), e.bidderName(), e.price(), e.priceScore(),
          e.criteriaScore(), e.totalScore()));
    }
    return ranked;
  }
}
