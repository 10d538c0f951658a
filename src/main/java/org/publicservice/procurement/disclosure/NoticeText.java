package org.publicservice.procurement.disclosure;

import java.math.BigDecimal;

/** How notices write their facts, so that every stage's notices and the portal read alike. */
public final class NoticeText {

  private NoticeText() {
  }

  /** An amount as notices state it: {@code 1,200,000.00元}. */
  public static String yuan(BigDecimal amount) {
    return String.format("%,.2f元", amount);
  }

  /** One fact of a notice: {@code 标签：值} on a line of its own. */
  public static void line(StringBuilder text, String label, String value) {
    text.append(label).append('：').append(value).append('\n');
  }
}
