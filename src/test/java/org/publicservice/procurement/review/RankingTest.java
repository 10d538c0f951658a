package org.publicservice.procurement.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scoring and ranking rules of 87号令第五十四至第五十五条, and the panel sizes of 87号令第四十五、第四十七条. */
class RankingTest {

  static final List<Criterion> CRITERIA = List.of(new Criterion("服务方案", new BigDecimal("50")),
      new Criterion("服务团队", new BigDecimal("20")));

  static OpenedBid bid(String id, String price) {
    return new OpenedBid(id, "org-" + id, "组织" + id, new BigDecimal(price), null, null, null, null);
  }

  @Test
  void equalTotalsAreBrokenByTheLowerPrice() {
    // A: price 100,000 → 30.00 + 60 = 90.00; B: price 120,000 → 25.00 + 65 = 90.00; C: 150,000 → 20.00 + 70 = 90.00
    List<OpenedBid> bids = List.of(bid("B", "120000"), bid("C", "150000"), bid("A", "100000"));
    Map<String, Map<String, Map<Integer, BigDecimal>>> scores = new LinkedHashMap<>();
    scores.put("expert01", Map.of("A", scores(40, 20), "B", scores(45, 20), "C", scores(50, 20)));
    scores.put("expert02", Map.of("A", scores(40, 20), "B", scores(45, 20), "C", scores(50, 20)));

    List<RankedBid> ranking = Ranking.comprehensive(bids, CRITERIA, new BigDecimal("30"), scores, lot());

    assertThat(ranking).extracting(RankedBid::totalScore).allMatch(t -> t.compareTo(new BigDecimal("90")) == 0);
    assertThat(ranking).extracting(RankedBid::bidId).containsExactly("A", "B", "C");
    assertThat(ranking).extracting(RankedBid::rank).containsExactly(1, 2, 3);
  }

  @Test
  void criteriaScoresAreAveragedOverThePanelAndThePriceScoreUsesTheLowestPrice() {
    List<OpenedBid> bids = List.of(bid("A", "300000"), bid("B", "280000"));
    Map<String, Map<String, Map<Integer, BigDecimal>>> scores = new LinkedHashMap<>();
    scores.put("expert01", Map.of("A", scores(45, 18), "B", scores(30, 10)));
    scores.put("expert02", Map.of("A", scores(40, 17), "B", scores(31, 11)));
    scores.put("expert03", Map.of("A", scores(44, 16), "B", scores(29, 12)));

    List<RankedBid> ranking = Ranking.comprehensive(bids, CRITERIA, new BigDecimal("30"), scores, lot());

    RankedBid a = ranking.get(0);
    assertThat(a.bidId()).isEqualTo("A");
    // 280,000 / 300,000 × 30 = 28.00; (45+40+44)/3 + (18+17+16)/3 = 43 + 17 = 60.00
    assertThat(a.priceScore()).isEqualByComparingTo("28.00");
    assertThat(a.criteriaScore()).isEqualByComparingTo("60.00");
    assertThat(a.totalScore()).isEqualByComparingTo("88.00");
    assertThat(ranking.get(1).priceScore()).isEqualByComparingTo("30.00");
    assertThat(ranking.get(1).criteriaScore()).isEqualByComparingTo("41.00");
  }

  @Test
  void aMissingScoreStopsTheRanking() {
    Map<String, Map<String, Map<Integer, BigDecimal>>> scores = Map.of("expert01", Map.of("A", Map.of(1,
        BigDecimal.TEN)));
    assertThatThrownBy(() -> Ranking.comprehensive(List.of(bid("A", "1")), CRITERIA, BigDecimal.TEN, scores, lot()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void underTheLowestPriceMethodTheCheapestWinsAndEqualPricesAreDrawnByARecordedRepeatableLot() {
    List<OpenedBid> bids = List.of(bid("A", "500000"), bid("C", "450000"), bid("B", "450000"));
    Ranking.Ties ties = new Ranking.Ties(null, () -> 20261203L);
    List<RankedBid> ranking = Ranking.lowestPrice(bids, ties);

    assertThat(ranking.get(2).bidId()).isEqualTo("A");
    assertThat(ranking.get(0).totalScore()).isEqualByComparingTo("0");
    assertThat(ties.draws()).singleElement().satisfies(draw -> {
      assertThat(draw.rank()).isEqualTo(1);
      assertThat(draw.seed()).isEqualTo(20261203L);
      assertThat(draw.tiedBids()).containsExactly("B", "C");
      // anyone repeats the draw from the seed and the tied bids in their recorded order
      assertThat(draw.drawnOrder()).isEqualTo(PanelDraw.drawOrder(20261203L, List.of("B", "C")));
      assertThat(ranking.subList(0, 2)).extracting(RankedBid::bidId).isEqualTo(draw.drawnOrder());
    });
    // the order in which the bids came in plays no part: the same seed gives the same ranking
    assertThat(Ranking.lowestPrice(List.of(bid("B", "450000"), bid("A", "500000"), bid("C", "450000")),
        new Ranking.Ties(null, () -> 20261203L))).extracting(RankedBid::bidId)
        .isEqualTo(ranking.stream().map(RankedBid::bidId).toList());
  }

  @Test
  void equalScoreAndPriceFollowTheDocumentsRuleBeforeAnyLot() {
    // all priced 100,000 → 30.00; A 40+20, B 45+15 both 60 criteria → 90.00; C 40+15 → 85.00
    List<OpenedBid> bids = List.of(bid("A", "100000"), bid("B", "100000"), bid("C", "100000"));
    Map<String, Map<String, Map<Integer, BigDecimal>>> scores = new LinkedHashMap<>();
    scores.put("expert01", Map.of("A", scores(40, 20), "B", scores(45, 15), "C", scores(40, 15)));

    Ranking.Ties byLot = new Ranking.Ties(Ranking.TIES_BY_LOT, () -> 7L);
    List<RankedBid> drawn = Ranking.comprehensive(bids, CRITERIA, new BigDecimal("30"), scores, byLot);
    assertThat(drawn.get(2).bidId()).isEqualTo("C");
    assertThat(byLot.draws()).singleElement().satisfies(d -> assertThat(d.tiedBids()).containsExactly("A", "B"));

    // documents that rank equal results by the first criterion (服务方案): B before A, no lot needed
    Ranking.Ties byCriterion = new Ranking.Ties(Ranking.TIES_BY_FIRST_CRITERION, () -> {
      throw new AssertionError("no lot expected");
    });
    assertThat(Ranking.comprehensive(bids, CRITERIA, new BigDecimal("30"), scores, byCriterion))
        .extracting(RankedBid::bidId).containsExactly("B", "A", "C");
    assertThat(byCriterion.draws()).isEmpty();
  }

  private static Ranking.Ties lot() {
    return new Ranking.Ties(null, () -> {
      throw new AssertionError("no tie expected");
    });
  }

  @Test
  void panelsHaveFiveOrSevenSeatsAndExpertsHoldTwoThirds() {
    assertThat(PanelDraw.panelSize(new BigDecimal("9999999.99"), false, false).members()).isEqualTo(5);
    assertThat(PanelDraw.panelSize(new BigDecimal("10000000"), false, false).members()).isEqualTo(7);
    // 87号令第四十七条第二款: also for a technically complex or high-social-impact project, whatever the budget
    assertThat(PanelDraw.panelSize(new BigDecimal("300000"), true, false))
        .isEqualTo(new PanelDraw.Size(7, "技术复杂，评标委员会成员7人（87号令第四十七条第二款）"));
    assertThat(PanelDraw.panelSize(new BigDecimal("12000000"), false, true).basis())
        .isEqualTo("采购预算金额在1000万元以上、社会影响较大，评标委员会成员7人（87号令第四十七条第二款）");
    assertThat(PanelDraw.expertSeats(5, true)).isEqualTo(4);
    assertThat(PanelDraw.expertSeats(5, false)).isEqualTo(5);
    assertThat(PanelDraw.expertSeats(7, true)).isEqualTo(6);
    assertThatThrownBy(() -> PanelDraw.expertSeats(3, true)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> PanelDraw.expertSeats(6, false)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theSameSeedAndPoolGiveTheSameDrawAndAnotherSeedAnother() {
    List<String> pool = List.of("expert01", "expert02", "expert03", "expert04", "expert05", "expert06", "expert07",
        "expert08", "expert09", "expert10", "expert11");
    List<String> order = PanelDraw.drawOrder(20261207L, pool);
    assertThat(order).containsExactlyInAnyOrderElementsOf(pool);
    assertThat(PanelDraw.drawOrder(20261207L, pool)).isEqualTo(order);
    assertThat(PanelDraw.drawOrder(20261208L, pool)).isNotEqualTo(order);
  }

  private static Map<Integer, BigDecimal> scores(int first, int second) {
    return Map.of(1, BigDecimal.valueOf(first), 2, BigDecimal.valueOf(second));
  }
}
