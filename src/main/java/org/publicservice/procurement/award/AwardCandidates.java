package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.purchase.JsonValues;

/**
 * The candidates an award may go to: the panel's ranking in its order (实施条例第四十三条: "按顺序确定"), without the
 * candidates excluded earlier in this purchase (a winner that declined, could not perform, or whose award a remedy
 * found invalid).
 */
final class AwardCandidates {

  private AwardCandidates() {
  }

  static List<RankedBid> remaining(VariableScope scope) {
    Set<String> excluded = excluded(scope).stream().map(row -> String.valueOf(row.get("bidder")))
        .collect(Collectors.toSet());
    return RankedBid.of(scope.getVariable(RANKING)).stream().filter(bid -> !excluded.contains(bid.bidder())).toList();
  }

  static List<Map<String, Object>> excluded(VariableScope scope) {
    return JsonValues.rows(scope.getVariable(EXCLUDED_BIDDERS));
  }

  /** Adds candidates to the excluded ones with the ground of the law and the reason given. */
  static void exclude(VariableScope scope, List<RankedBid> bids, String ground, String reason) {
    List<Map<String, Object>> rows = new java.util.ArrayList<>(excluded(scope));
    for (RankedBid bid : bids) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("bidder", bid.bidder());
      row.put("bidderName", bid.bidderName());
      row.put("ground", ground);
      row.put("reason", reason);
      rows.add(row);
    }
    scope.setVariable(EXCLUDED_BIDDERS, SpinValues.jsonValue(JsonValues.toJson(rows)).create());
  }

  /** "放弃中标（成交）或拒绝签订合同：理由" for notices. */
  static String groundText(Map<String, Object> row) {
    String ground = PASS_OVER_GROUNDS.getOrDefault(String.valueOf(row.get("ground")), String.valueOf(row.get("ground")));
    Object reason = row.get("reason");
    return ground + (reason == null ? "" : "（" + reason + "）");
  }
}
