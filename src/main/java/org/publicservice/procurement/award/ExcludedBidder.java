package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.PASS_OVER_GROUNDS;

import java.util.List;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.publicservice.procurement.purchase.JsonValues;

/**
 * A bidder no longer eligible for this purchase's award ({@code excludedBidders}): a winner that declined or could not
 * perform, or whose award a remedy found invalid. Written by the award stage, the contract stage and the remedies and
 * read by the award stage, always through this record; {@code ground} is a key of
 * {@link AwardVariables#PASS_OVER_GROUNDS}.
 */
public record ExcludedBidder(String bidder, String bidderName, String ground, String reason) {

  /** The variable (Spin JSON, text or list) as records; none when it is not set. */
  public static List<ExcludedBidder> list(Object json) {
    return JsonValues.rows(json).stream().map(row -> new ExcludedBidder(text(row.get("bidder")),
        text(row.get("bidderName")), text(row.get("ground")), text(row.get("reason")))).toList();
  }

  /** The excluded bidders as the variable that carries them from stage to stage. */
  public static SerializableValue json(List<ExcludedBidder> excluded) {
    return JsonValues.json(excluded);
  }

  /** The same list with one more. */
  public static SerializableValue adding(Object json, ExcludedBidder more) {
    List<ExcludedBidder> all = new java.util.ArrayList<>(list(json));
    all.add(more);
    return json(all);
  }

  /** "放弃中标（成交）或拒绝签订合同（理由）" for notices. */
  public String groundText() {
    String key = String.valueOf(ground);
    return PASS_OVER_GROUNDS.getOrDefault(key, key) + (reason == null ? "" : "（" + reason + "）");
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
