package org.publicservice.procurement.portal;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart drawn by the server as SVG (templates/portal/charts.html): no script, readable on a phone,
 * printable. Geometry is computed here so that the template only places what it is given.
 */
public record BarChart(String id, String title, String note, List<Bar> bars) {

  // Phone first: each bar has its label on the line above it, so the drawing stays narrow and its text readable
  // when the SVG is scaled down to a phone's width.
  static final int WIDTH = 360;
  static final int BAR_MAX = 200;
  static final int BAR_HEIGHT = 16;
  static final int ROW = 46;
  static final int TOP = 4;
  static final int MAX_LABEL = 26;

  /** One bar: {@code display} is the value as the reader reads it (yuan, days, percent). */
  public record Bar(String label, double value, String display, int index, double maximum) {

    public String shortLabel() {
      return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "…";
    }

    public double width() {
      return maximum <= 0 || value <= 0 ? 0 : Math.max(2, Math.round(value / maximum * BAR_MAX * 10) / 10.0);
    }

    public int labelY() {
      return TOP + index * ROW + 13;
    }

    public int y() {
      return TOP + index * ROW + 19;
    }

    public int valueY() {
      return y() + 13;
    }

    public double valueX() {
      return width() + 6;
    }
  }

  /** A figure as the query gives it, before layout. */
  public record Value(String label, double value, String display) {
  }

  public static BarChart of(String id, String title, String note, List<Value> values) {
    double maximum = values.stream().mapToDouble(Value::value).max().orElse(0);
    List<Bar> bars = new ArrayList<>();
    for (Value v : values) {
      bars.add(new Bar(v.label(), v.value(), v.display(), bars.size(), maximum));
    }
    return new BarChart(id, title, note, List.copyOf(bars));
  }

  public boolean empty() {
    return bars.isEmpty();
  }

  public int height() {
    return empty() ? 56 : TOP * 2 + bars.size() * ROW - 6;
  }

  public String viewBox() {
    return "0 0 " + WIDTH + " " + height();
  }
}
