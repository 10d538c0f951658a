package org.publicservice.procurement.credit;

/** What a credit record does to a bid. */
public enum CreditEffect {
  /** 禁止参加: the bidder is excluded from the procurement. */
  EXCLUDE("禁止参加政府采购活动"),
  /** 扣分/警示: the bidder stays in; the record is shown to the reviewers. */
  PENALISE("扣分/警示");

  private final String chineseName;

  CreditEffect(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
