package org.publicservice.procurement.tender;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How the bid form reads the price an organisation types. */
class BidFormTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1250000|1250000",
      "1,250,000.00|1250000.00",
      "1，250，000|1250000",
      " 980000.5 元|980000.5",
      "12 500|12500",
      "0.01|0.01"})
  void readsPricesAsTyped(String typed, String yuan) {
    BidForm form = BidForm.sent(typed, "方案", "团队", "资质");
    assertThat(form.problems()).isEmpty();
    assertThat(form.content().price()).isEqualByComparingTo(new BigDecimal(yuan));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "七十万", "1.234", "1e5", "-5", "1,2", "12,34,567", "1.2.3", "0x10", "１２３",
      "99999999999999", "1,250,000.00.00"})
  void refusesWhatIsNoAmount(String typed) {
    assertThat(BidForm.sent(typed, "方案", "团队", "资质").problems()).containsOnlyKeys("price");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void asksForAMissingPrice(String typed) {
    assertThat(BidForm.sent(typed, "方案", "团队", "资质").problems()).containsEntry("price", "请填写报价（元）。");
  }

  @org.junit.jupiter.api.Test
  void limitsEachTextAndNamesEveryMissingOneAtOnce() {
    var problems = BidForm.sent("100", "x".repeat(BidForm.MAX_SERVICE_PLAN + 1), "x".repeat(BidForm.MAX_TEAM + 1),
        "x".repeat(BidForm.MAX_QUALIFICATIONS + 1)).problems();
    assertThat(problems).containsOnlyKeys("servicePlan", "team", "qualifications");
    assertThat(BidForm.sent("", null, " ", null).problems()).containsExactly(
        java.util.Map.entry("price", "请填写报价（元）。"), java.util.Map.entry("servicePlan", "请填写服务方案。"),
        java.util.Map.entry("team", "请填写项目团队。"), java.util.Map.entry("qualifications", "请填写资格证明材料。"));
    assertThat(BidForm.sent("100", "方案", "团队", "资质").problems()).isEmpty();
  }
}
