package org.publicservice.procurement.review;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The grounds on which the panel declares a bid invalid (无效投标), with the provision each rests on. The panel's
 * compliance review checks every qualified bid against the documents' substantive requirements (87号令第五十条);
 * 87号令第六十三条 lists the grounds (its item 3, a missing qualification, is the department's qualification review,
 * 第四十四条); a price the bidder cannot show to be sound makes the bid invalid too (第六十条).
 */
public enum InvalidityGround {
  NOT_RESPONSIVE("未满足招标（采购）文件的实质性要求", "87号令第五十条"),
  NO_BID_BOND("未按照招标文件的规定提交投标保证金", "87号令第六十三条第一项"),
  NOT_SIGNED("投标文件未按招标文件要求签署、盖章", "87号令第六十三条第二项"),
  OVER_BUDGET("报价超过招标文件规定的预算金额或者最高限价", "87号令第六十三条第四项"),
  UNACCEPTABLE_CONDITIONS("投标文件含有采购人不能接受的附加条件", "87号令第六十三条第五项"),
  OTHER("法律、法规和招标文件规定的其他无效情形", "87号令第六十三条第六项"),
  /** Only the price procedure sets it: the bidder did not show its price to be sound. */
  PRICE_NOT_JUSTIFIED("报价明显低于其他通过符合性审查投标人的报价，投标人不能证明其报价合理性", "87号令第六十条");

  private final String label;
  private final String provision;

  InvalidityGround(String label, String provision) {
    this.label = label;
    this.provision = provision;
  }

  public String label() {
    return label;
  }

  public String provision() {
    return provision;
  }

  /** As notices and mails write it: the ground with its provision. */
  public String describe() {
    return label + "（" + provision + "）";
  }

  /** The grounds the panel may choose in its compliance review (the price ground follows its own procedure). */
  static Set<String> chosenInComplianceReview() {
    return Arrays.stream(values()).filter(g -> g != PRICE_NOT_JUSTIFIED).map(Enum::name)
        .collect(Collectors.toUnmodifiableSet());
  }

  static String describe(String code) {
    try {
      return valueOf(code).describe();
    } catch (IllegalArgumentException | NullPointerException e) {
      return code;
    }
  }
}
