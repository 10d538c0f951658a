package org.publicservice.procurement.demo;

import java.util.List;

/**
 * One purchase of the demo city as its department writes it: the request's texts, the bidders with their prices and
 * how good their offers are (the experts' scores follow), and the stage the purchase has reached today.
 *
 * @param purchaser the demo user who files the request (its department buys)
 * @param indicators the request's indicators, {@code 名称：目标值} each
 * @param bidders the social organisations that bid, in the order they bid
 * @param start days before today the request was filed
 * @param serviceDays length of the service period, which starts 90 days after the request
 */
record DemoPurchase(String stage, String purchaser, String serviceName, String category, String description,
    String standards, List<String> indicators, long budget, String region, String needsAssessment,
    List<Bid> bidders, int start, int serviceDays) {

  /** A bid: the organisation, its price in yuan and the quality of its plan (0-1, the experts' view). */
  record Bid(String organisation, long price, double quality) {
  }

  static Bid bid(String organisation, long price, double quality) {
    return new Bid(organisation, price, quality);
  }
}
