package org.publicservice.procurement.rating;

import java.math.BigDecimal;
import java.util.List;

/**
 * What may be said about the ratings of an evaluation: how many people rated, the average stars per indicator and
 * overall, and the satisfaction score the evaluation uses. Nothing in it tells who rated what.
 *
 * @param ratings number of people who rated
 * @param byCode of those, service recipients with a rating code
 * @param average the mean of each person's mean stars (each person counts once), 2 decimals; null without ratings
 * @param satisfactionScore {@code average / 5 × 100}, 2 decimals (5 stars = 100 points); null without ratings
 */
public record RatingSummary(int ratings, int byCode, BigDecimal average, BigDecimal satisfactionScore,
    List<IndicatorAverage> indicators) {

  /** The average stars an indicator received, over the people who rated it. */
  public record IndicatorAverage(int index, String name, int ratings, BigDecimal average) {
  }

  public boolean rated() {
    return ratings > 0;
  }
}
