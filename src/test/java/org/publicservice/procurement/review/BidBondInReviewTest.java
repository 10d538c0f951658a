package org.publicservice.procurement.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.tender.BidBond;

/**
 * The panel reads in its compliance review how each bid lodged the bond the documents ask for, and that a bid stated
 * none (87号令第六十三条第一项); when the documents ask for no bond, nothing is said about one.
 */
class BidBondInReviewTest {

  static OpenedBid bid(String id, String bond) {
    return new OpenedBid(id, "sup-" + id, "供应商" + id, new BigDecimal("1000000.00"), "方案", "团队", "资质",
        "2026-12-04T10:00:00+08:00", null, BigDecimal.ZERO, bond);
  }

  @Test
  void theComplianceReviewShowsTheBondOrThatNoneWasStated() {
    OpenedBid guaranteed = bid("A", "银行保函（编号BH-2026-0815）");
    OpenedBid without = bid("B", BidBond.NOT_STATED);
    List<OpenedBid> qualified = List.of(guaranteed, without);
    assertThat(ComplianceReviewValidator.info(guaranteed, qualified)).contains("投标保证金：银行保函（编号BH-2026-0815）");
    assertThat(ComplianceReviewValidator.info(without, qualified)).contains("投标保证金：投标文件未载明投标保证金");
    // the review's rows keep it from stage to stage
    assertThat(OpenedBid.of(without.toRow()).bidBond()).isEqualTo(BidBond.NOT_STATED);

    OpenedBid noBondAsked = bid("C", null);
    assertThat(ComplianceReviewValidator.info(noBondAsked, List.of(noBondAsked))).doesNotContain("投标保证金");
    assertThat(noBondAsked.toRow()).doesNotContainKey("bidBond");
  }
}
