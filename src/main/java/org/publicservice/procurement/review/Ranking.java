package org.publicservice.procurement.review;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Ranks the qualified bids (87号令第五十四条至第五十七条). 综合评分法: price score = lowest valid price / bid price × price
 * weight; each criterion's score is the average over the panel; the bids rank by total score, equal scores by the
 * lower price (第五十七条), equal score and price stand equal. 最低评标价法: by price, equal prices stand equal
 * (第五十六条). Candidates that stand equal are ordered by the method the documents state, else by lot
 * (第六十八条: "招标文件未规定的，采取随机抽取的方式确定"); each lot draw is recorded with its seed ({@link Ties}) and can be
 * repeated with {@link PanelDraw#drawOrder}. The order of submission never decides. The prices scored and compared are
 * the evaluated prices, after the SME price deduction ({@link PriceDeduction}); the offered price stays the price.
 */
public final class Ranking {

  /** Documents' rule for equal results: the higher score on the first criterion (e.g. 服务方案) first, then lot. */
  public static final String TIES_BY_FIRST_CRITERION = "FIRST_CRITERION";
  /** Default: lot, as 87号令第六十八条 has it when the documents say nothing. */
  public static final String TIES_BY_LOT = "LOT";

  /** One lot draw among bids standing equal at a rank: seed, the tied bids as the draw took them, the result. */
  public record LotDraw(int rank, long seed, List<String> tiedBids, List<String> drawnOrder) {
  }

  /** How equal results are ordered, and the lot draws made doing it. */
  public static final class Ties {
    private final String rule;
    private final LongSupplier seeds;
    private final List<LotDraw> draws = new ArrayList<>();

    public Ties(String rule, LongSupplier seeds) {
      this.rule = rule == null ? TIES_BY_LOT : rule;
      this.seeds = seeds;
    }

    public List<LotDraw> draws() {
      return List.copyOf(draws);
    }

    public String rule() {
      return rule;
    }

    /**
     * Orders a group of bids standing equal, which would take the ranks from {@code firstRank} on; {@code firstCriterion}
     * gives each bid's score on the documents' first criterion, or is null (lowest price: no scores).
     */
    List<RankedBid> order(List<RankedBid> group, int firstRank, Map<String, BigDecimal> firstCriterion) {
      if (group.size() < 2) {
        return group;
      }
      if (TIES_BY_FIRST_CRITERION.equals(rule) && firstCriterion != null) {
        Comparator<RankedBid> key =
            Comparator.<RankedBid, BigDecimal>comparing(e -> firstCriterion.get(e.bidId())).reversed();
        return inRuns(group, key, (run, offset) -> lot(run, firstRank + offset));
      }
      return lot(group, firstRank);
    }

    private List<RankedBid> lot(List<RankedBid> group, int rank) {
      if (group.size() < 2) {
        return group;
      }
      List<String> tied = group.stream().map(RankedBid::bidId).sorted().toList();
      long seed = seeds.getAsLong();
      List<String> drawn = PanelDraw.drawOrder(seed, tied);
      draws.add(new LotDraw(rank, seed, tied, drawn));
      Map<String, RankedBid> byId = new LinkedHashMap<>();
      group.forEach(e -> byId.put(e.bidId(), e));
      return drawn.stream().map(byId::get).toList();
    }
  }

  private static final MathContext PRECISION = MathContext.DECIMAL64;

  private Ranking() {
  }

  /**
   * @param scores member user id → bid id → criterion index (1-based) → score; every member scored every bid on
   *     every criterion
   */
  public static List<RankedBid> comprehensive(List<OpenedBid> bids, List<Criterion> criteria, BigDecimal priceWeight,
      Map<String, Map<String, Map<Integer, BigDecimal>>> scores, Ties ties) {
    if (scores.isEmpty()) {
      throw new IllegalStateException("no scores to rank");
    }
    BigDecimal lowest = bids.stream().map(OpenedBid::evaluatedPrice).min(Comparator.naturalOrder()).orElseThrow();
    BigDecimal members = BigDecimal.valueOf(scores.size());
    List<RankedBid> unranked = new ArrayList<>();
    Map<String, BigDecimal> firstCriterion = new LinkedHashMap<>();
    for (OpenedBid bid : bids) {
      BigDecimal priceScore = lowest.divide(bid.evaluatedPrice(), PRECISION).multiply(priceWeight)
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
        if (c == 1) {
          firstCriterion.put(bid.bidId(), sum.divide(members, PRECISION));
        }
      }
      criteriaScore = criteriaScore.setScale(2, RoundingMode.HALF_UP);
      unranked.add(new RankedBid(0, bid.bidId(), bid.bidder(), bid.bidderName(), bid.price(), priceScore,
          criteriaScore, priceScore.add(criteriaScore), bid.evaluatedPrice(), bid.smeDeclaration(),
          bid.smeDeductionPercent()));
    }
    Comparator<RankedBid> order =
        Comparator.comparing(RankedBid::totalScore).reversed().thenComparing(RankedBid::price);
    return numbered(breakTies(unranked, order, ties, firstCriterion));
  }

  public static List<RankedBid> lowestPrice(List<OpenedBid> bids, Ties ties) {
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    List<RankedBid> unranked = bids.stream().map(bid -> new RankedBid(0, bid.bidId(), bid.bidder(), bid.bidderName(),
        bid.price(), zero, zero, zero, bid.evaluatedPrice(), bid.smeDeclaration(), bid.smeDeductionPercent()))
        .toList();
    return numbered(breakTies(unranked, Comparator.comparing(RankedBid::evaluatedPrice), ties, null));
  }

  /** Sorts by the statutory order; runs of entries the order finds equal are ordered by {@code ties}. */
  private static List<RankedBid> breakTies(List<RankedBid> unranked, Comparator<RankedBid> order, Ties ties,
      Map<String, BigDecimal> firstCriterion) {
    return inRuns(unranked, order, (run, offset) -> ties.order(run, offset + 1, firstCriterion));
  }

  /**
   * Sorts the entries by {@code order} and hands each run the order finds equal, with its offset in the sorted list,
   * to {@code arrange}; the arranged runs in order.
   */
  private static List<RankedBid> inRuns(List<RankedBid> entries, Comparator<RankedBid> order,
      java.util.function.BiFunction<List<RankedBid>, Integer, List<RankedBid>> arrange) {
    List<RankedBid> sorted = new ArrayList<>(entries);
    sorted.sort(order.thenComparing(RankedBid::bidId));
    List<RankedBid> result = new ArrayList<>();
    int i = 0;
    while (i < sorted.size()) {
      int j = i + 1;
      while (j < sorted.size() && order.compare(sorted.get(i), sorted.get(j)) == 0) {
        j++;
      }
      result.addAll(arrange.apply(sorted.subList(i, j), i));
      i = j;
    }
    return result;
  }

  private static List<RankedBid> numbered(List<RankedBid> sorted) {
    List<RankedBid> ranked = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      RankedBid e = sorted.get(i);
      ranked.add(new RankedBid(i + 1, e.bidId(), e.bidder(), e.bidderName(), e.price(), e.priceScore(),
          e.criteriaScore(), e.totalScore(), e.evaluatedPrice(), e.smeDeclaration(), e.smeDeductionPercent()));
    }
    return ranked;
  }
}
