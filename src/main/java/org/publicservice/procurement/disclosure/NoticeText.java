package org.publicservice.procurement.disclosure;

/** How notices write their facts, so that every stage's notices and the portal read alike. */
public final class NoticeText {

  private NoticeText() {
  }

  /** One fact of a notice: {@code 标签：值} on a line of its own. */
  public static void line(StringBuilder text, String label, String value) {
    text.append(label).append('：').append(value).append('\n');
  }
}
