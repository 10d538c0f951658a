package org.publicservice.procurement.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A tie decided by lot (87号令第六十八条) is kept with the file: anyone can repeat the draw from what is stored and
 * gets the ranking the panel's report shows.
 */
@ProcurementSpringTest
class LotDrawsTest {

  @Autowired LotDraws lotDraws;

  @Test
  void aRecordedDrawIsRepeatedFromItsSeedAndTiedBids() {
    String project = "NT-2026-LOT" + (System.nanoTime() % 1000);
    List<OpenedBid> bids = List.of(
        new OpenedBid("B-7", "org-anle", "南通安乐居家养老服务社", new BigDecimal("450000"), null, null, null, null),
        new OpenedBid("B-3", "org-huimin", "南通惠民社区服务中心", new BigDecimal("450000"), null, null, null, null),
        new OpenedBid("B-5", "org-qingchun", "南通青春志愿服务协会", new BigDecimal("450000"), null, null, null, null));
    Ranking.Ties ties = new Ranking.Ties(null, new java.security.SecureRandom()::nextLong);
    List<RankedBid> ranking = Ranking.lowestPrice(bids, ties);
    ties.draws().forEach(draw -> lotDraws.record(project, "instance-1", draw, OffsetDateTime.now()));

    LotDraws.Recorded stored = lotDraws.ofProject(project).get(0);
    assertThat(stored.tiedRank()).isEqualTo(1);
    assertThat(stored.algorithm()).isEqualTo(PanelDraw.ALGORITHM);
    assertThat(stored.tiedBids()).containsExactly("B-3", "B-5", "B-7");
    assertThat(PanelDraw.drawOrder(stored.seed(), stored.tiedBids())).isEqualTo(stored.drawnOrder())
        .isEqualTo(ranking.stream().map(RankedBid::bidId).toList());
    assertThat(RankBidsDelegate.tieNote(ranking, ties)).contains("第1名起评审结果相同", "以随机抽取方式确定排序",
        "随机种子" + stored.seed(), "财政部令第87号第六十八条");
  }
}
