package org.publicservice.procurement.planning;

/**
 * The procurement methods the decision table ProcurementMethod.dmn chooses, with the names it gives them. The plan
 * stores the code; the public pages and the open data show the name.
 */
public enum ProcurementMethod {
  OPEN_TENDER("公开招标"),
  COMPETITIVE_CONSULTATION("竞争性磋商"),
  /** Not chosen by the decision table: only after a failed tender, with the finance bureau's approval (政府采购法第三十条). */
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
