package org.publicservice.procurement.award;

/** Variables of the bond refund process ({@code processes/BondRefund.bpmn}). */
public final class BondVariables {

  /** {@link BondRefunds#BID} or {@link BondRefunds#PERFORMANCE}: which task the refund process opens. */
  public static final String BOND_KIND = "bondKind";
  /** The end of the refund period: the task's due date. */
  public static final String REFUND_DUE = "refundDue";
  /** What the department must do and what a late refund costs, shown at the top of the form. */
  public static final String REFUND_INSTRUCTIONS = "refundInstructions";
  /**
   * The form's table: one row per bond owed (supplierName, amount, lodged shown; refundedOn, refundReference
   * filled in), matched by position with the open lines of {@link BondRefunds}.
   */
  public static final String BOND_REFUNDS = "bondRefunds";
  public static final String REFUNDED_ON = "refundedOn";
  public static final String REFUND_REFERENCE = "refundReference";
  /** The checked refunds the record step stores: lineId, refundedOn, refundReference. */
  public static final String CHECKED_REFUNDS = "checkedRefunds";

  private BondVariables() {
  }
}
