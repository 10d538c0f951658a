package org.publicservice.procurement.purchase;

import java.math.BigDecimal;

/** How amounts read everywhere users see them: notices, mails, pages and refusals. */
public final class Money {

  private Money() {
  }

  /** {@code 1,200,000.00元}. */
  public static String yuan(BigDecimal amount) {
    return String.format("%,.2f元", amount);
  }

  /** {@code 120.00万元}: the portal's figures. */
  public static String tenThousandYuan(BigDecimal amount) {
    return String.format("%,.2f万元", amount.movePointLeft(4));
  }
}
