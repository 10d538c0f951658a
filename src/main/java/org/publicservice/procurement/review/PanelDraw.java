package org.publicservice.procurement.review;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The random draw of a review panel from the expert pool (实施条例第三十九条; 87号令第四十八条), reproducible for audit: a fresh seed
 * from the system's strong generator, recorded with the pool (sorted by user id); the seed drives a SHA1PRNG
 * {@link SecureRandom} whose output is fully determined by a seed set before first use, which shuffles the pool.
 * Picks, including replacements, are taken from the front of that order, so seed and pool repeat every pick.
 */
public final class PanelDraw {

  public static final String ALGORITHM = "SHA1PRNG/Fisher-Yates";

  /** From this budget (yuan) the panel has seven members. */
  static final BigDecimal LARGE_BUDGET = new BigDecimal("10000000");

  /** The panel's size and why: the statute's words for the record of the draw. */
  public record Size(int members, String basis) {
  }

  /**
   * 87号令第四十七条: at least 5 members, an odd number; at least 7 when the budget is 10,000,000 yuan or more, the
   * project is technically complex, or its social impact is high (the last two flagged in the request, and
   * adjustable by the finance bureau in its review).
   */
  public static Size panelSize(BigDecimal budget, boolean technicallyComplex, boolean highSocialImpact) {
    java.util.List<String> grounds = new ArrayList<>();
    if (budget.compareTo(LARGE_BUDGET) >= 0) {
      grounds.add("采购预算金额在1000万元以上");
    }
    if (technicallyComplex) {
      grounds.add("技术复杂");
    }
    if (highSocialImpact) {
      grounds.add("社会影响较大");
    }
    return grounds.isEmpty() ? new Size(5, "评标委员会成员5人（87号令第四十七条第一款）")
        : new Size(7, String.join("、", grounds) + "，评标委员会成员7人（87号令第四十七条第二款）");
  }

  /** Seats for drawn experts: the panel less the department's representative, if one sits. */
  public static int expertSeats(int panelSize, boolean withRepresentative) {
    int experts = panelSize - (withRepresentative ? 1 : 0);
    // experts at least two thirds of an odd panel of at least 5 (87号令第四十七条第一款)
    if (experts * 3 < panelSize * 2 || panelSize % 2 == 0 || panelSize < 5) {
      throw new IllegalStateException("panel of " + panelSize + " with " + experts + " experts breaks 87号令第四十七条");
    }
    return experts;
  }

  public static long newSeed() {
    return new SecureRandom().nextLong();
  }

  /** The pool shuffled by the seed; the same seed and pool give the same order on every machine. */
  public static List<String> drawOrder(long seed, List<String> sortedPool) {
    SecureRandom random;
    try {
      random = SecureRandom.getInstance("SHA1PRNG");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA1PRNG is part of every Java runtime", e);
    }
    random.setSeed(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
    List<String> order = new ArrayList<>(sortedPool);
    for (int i = order.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String swap = order.get(i);
      order.set(i, order.get(j));
      order.set(j, swap);
    }
    return order;
  }

  private PanelDraw() {
  }
}
