package org.publicservice.procurement.planning;

/**
 * The procurement methods the decision table ProcurementMethod.dmn chooses, with the names it gives them. The plan
 * stores the code; the public pages and the open data show the name.
 */
public enum ProcurementMethod {
  OPEN_TENDER("公开招标"),
  /** 政府采购法第二十九条: suppliers drawn at random from a qualified list and invited (第三十四条; 87号令第十四条). */
  INVITED_TENDER("邀请招标"),
  COMPETITIVE_CONSULTATION("竞争性磋商"),
  /**
   * Chosen by the decision table on a ground of 政府采购法第三十条第二项至第四项, or after a failed tender with the finance
   * bureau's approval (第三十条第一项).
   */
  COMPETITIVE_NEGOTIATION("竞争性谈判"),
  SINGLE_SOURCE("单一来源采购");

  private final String label;

  ProcurementMethod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
