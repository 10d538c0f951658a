package org.publicservice.procurement.tender;

import java.math.BigDecimal;

/**
 * What a bidder offers: sealed in the bid box until the opening. {@code smeDeclaration} is the size the bidder
 * declares in its 中小企业声明函 (财库〔2020〕46号第十一条: MEDIUM, SMALL or MICRO; {@code null} when it declares none),
 * on which the price deduction and a reservation for small and medium enterprises rely; {@code bondForm} and
 * {@code bondReference} how it lodged the bid bond ({@link BidBond}).
 */
public record BidContent(BigDecimal price, String servicePlan, String team, String qualifications,
    String smeDeclaration, String bondForm, String bondReference) {

  /** A bid without a bid bond ({@link BidBond}): the documents ask for none. */
  public BidContent(BigDecimal price, String servicePlan, String team, String qualifications,
      String smeDeclaration) {
    this(price, servicePlan, team, qualifications, smeDeclaration, null, null);
  }

  /** A bid without a 中小企业声明函. */
  public BidContent(BigDecimal price, String servicePlan, String team, String qualifications) {
    this(price, servicePlan, team, qualifications, null);
  }
}
