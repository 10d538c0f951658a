package org.publicservice.procurement.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SME price deduction (财库〔2020〕46号第九条; 10%-20% for services since 财库〔2022〕19号) with the figures of a real
 * evaluation: a small enterprise that loses on its offered price wins on its evaluated price, and the ranking line
 * keeps the offered price for the contract.
 */
class PriceDeductionTest {

  static final List<Criterion> CRITERIA = List.of(new Criterion("服务方案", BigDecimal.valueOf(70)));
  static final BigDecimal WEIGHT = BigDecimal.valueOf(30);
  /** Two members: the large enterprise's plan scores 60 and 60, the small one's 59 and 60 (average 59.50). */
  static final Map<String, Map<String, Map<Integer, BigDecimal>>> SCORES = Map.of(
      "expert01", Map.of("A", Map.of(1, BigDecimal.valueOf(60)), "B", Map.of(1, BigDecimal.valueOf(59))),
      "expert02", Map.of("A", Map.of(1, BigDecimal.valueOf(60)), "B", Map.of(1, BigDecimal.valueOf(60))));

  static OpenedBid bid(String id, String bidder, String price, String declaration, int deduction) {
    return new OpenedBid(id, bidder, bidder + "名称", new BigDecimal(price), "方案", "团队", "资质",
        "2026-12-04T10:00:00+08:00", declaration, BigDecimal.valueOf(deduction));
  }

  @Test
  void evaluatedPriceIsThePriceLessTheRateInFen() {
    assertThat(PriceDeduction.evaluatedPrice(new BigDecimal("1080000.00"), BigDecimal.TEN)).isEqualByComparingTo("972000.00");
    assertThat(PriceDeduction.evaluatedPrice(new BigDecimal("1234567.89"), new BigDecimal("15")))
        .isEqualByComparingTo("1049382.71");
    assertThat(PriceDeduction.evaluatedPrice(new BigDecimal("1000000.00"), BigDecimal.ZERO))
        .isEqualByComparingTo("1000000.00");
  }

  @Test
  void theSmallEnterprisesDeductionTurnsTheComprehensiveRanking() {
    // without a declaration the large enterprise's lower price wins: 30.00 + 60.00 against 27.78 + 59.50
    List<RankedBid> plain = Ranking.comprehensive(List.of(bid("A", "sup-huaxia", "1000000.00", null, 0),
        bid("B", "sup-kangning", "1080000.00", null, 0)), CRITERIA, WEIGHT, SCORES, noTie());
    assertThat(plain).extracting(RankedBid::bidder).containsExactly("sup-huaxia", "sup-kangning");
    assertThat(plain).extracting(RankedBid::totalScore)
        .containsExactly(new BigDecimal("90.00"), new BigDecimal("87.28"));

    // the small enterprise's 10% deduction: 972,000.00 becomes the reference price; 30.00 + 59.50 against 29.16 + 60.00
    List<RankedBid> deducted = Ranking.comprehensive(List.of(bid("A", "sup-huaxia", "1000000.00", null, 0),
        bid("B", "sup-kangning", "1080000.00", "SMALL", 10)), CRITERIA, WEIGHT, SCORES, noTie());
    assertThat(deducted).extracting(RankedBid::bidder).containsExactly("sup-kangning", "sup-huaxia");
    RankedBid first = deducted.get(0);
    assertThat(first.priceScore()).isEqualByComparingTo("30.00");
    assertThat(first.totalScore()).isEqualByComparingTo("89.50");
    assertThat(first.price()).as("the offered price stays the contract's").isEqualByComparingTo("1080000.00");
    assertThat(first.evaluatedPrice()).isEqualByComparingTo("972000.00");
    assertThat(deducted.get(1).priceScore()).isEqualByComparingTo("29.16");
    assertThat(deducted.get(1).totalScore()).isEqualByComparingTo("89.16");
    assertThat(first.toRow()).containsEntry("smeDeclaration", "SMALL").containsEntry("price", new BigDecimal("1080000.00"));
    assertThat(PriceDeduction.describe(first.smeDeclaration(), first.smeDeductionPercent(), "972,000.00元"))
        .isEqualTo("中小企业声明：小型企业，价格扣除10%，评审价格972,000.00元");
  }

  @Test
  void underTheLowestPriceMethodTheMicroEnterpriseComparesAtItsEvaluatedPrice() {
    // 1,200,000.00 less 20% is 960,000.00, below the 1,000,000.00 offered by the large enterprise
    List<RankedBid> ranked = Ranking.lowestPrice(List.of(bid("A", "sup-huaxia", "1000000.00", null, 0),
        bid("B", "sup-nuanxin", "1200000.00", "MICRO", 20)), noTie());
    assertThat(ranked).extracting(RankedBid::bidder).containsExactly("sup-nuanxin", "sup-huaxia");
    assertThat(ranked.get(0).evaluatedPrice()).isEqualByComparingTo("960000.00");
    // a medium enterprise declares itself but gets no deduction (小微企业 only): its 0% leaves the order
    List<RankedBid> medium = Ranking.lowestPrice(List.of(bid("A", "sup-huaxia", "1000000.00", null, 0),
        bid("B", "sup-kangning", "1050000.00", "MEDIUM", 0)), noTie());
    assertThat(medium).extracting(RankedBid::bidder).containsExactly("sup-huaxia", "sup-kangning");
  }

  @Test
  void aDeductionThatMakesTwoEvaluatedPricesEqualGoesToTheLotDraw() {
    // 1,250,000.00 less 20% is exactly the 1,000,000.00 offered by the large enterprise: equal evaluated prices stand
    // equal and the lot decides (87号令第六十八条), recorded with its seed
    Ranking.Ties ties = new Ranking.Ties(null, () -> 20261206L);
    List<RankedBid> ranked = Ranking.lowestPrice(List.of(bid("A", "sup-huaxia", "1000000.00", null, 0),
        bid("B", "sup-nuanxin", "1250000.00", "MICRO", 20)), ties);
    assertThat(ties.draws()).hasSize(1);
    Ranking.LotDraw draw = ties.draws().get(0);
    assertThat(draw.rank()).isEqualTo(1);
    assertThat(draw.tiedBids()).containsExactly("A", "B");
    assertThat(ranked).extracting(RankedBid::bidId).containsExactlyElementsOf(draw.drawnOrder());
    assertThat(ranked).extracting(RankedBid::evaluatedPrice)
        .allSatisfy(price -> assertThat(price).isEqualByComparingTo("1000000.00"));
  }

  /** Rankings without equal results must not draw lots. */
  private static Ranking.Ties noTie() {
    return new Ranking.Ties(null, () -> {
      throw new AssertionError("no lot draw expected");
    });
  }
}
