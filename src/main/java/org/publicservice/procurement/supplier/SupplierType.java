package org.publicservice.procurement.supplier;

/**
 * The forms of organisation a supplier of public services may have. Purchased services may be bought from any of
 * them (政府采购法第二十一条: 法人、其他组织或者自然人; 政府购买服务管理办法 财政部令第102号令第六条: 依法成立的企业、社会组织
 * （不含由财政拨款保障的群团组织）、公益二类和从事生产经营活动的事业单位、农村集体经济组织、基层群众性自治组织以及具备条件的个人),
 * and none may be treated differently for its form (实施条例第二十条第（八）项; 财库〔2019〕38号一（一）). The type only says
 * which identifier the supplier has and whether it can declare itself a small or medium enterprise (财库〔2020〕46号
 * 第二条: enterprises, and 个体工商户 which count as such).
 */
public enum SupplierType {

  /** 企业 (including 个体工商户 and 农民专业合作社), registered with 市场监管: credit code starting with 9. */
  ENTERPRISE("企业（含个体工商户）", "9", true),
  /** 事业单位, registered with 机构编制: credit code starting with 1. */
  INSTITUTION("事业单位", "1", false),
  /** 社会组织 (社会团体, 民办非企业单位/社会服务机构, 基金会), registered with 民政: credit code starting with 5. */
  SOCIAL_ORGANISATION("社会组织", "5", false),
  /** Any other organisation with a credit code (律师事务所, 农村集体经济组织, 基层群众性自治组织, …). */
  OTHER_ORGANISATION("其他组织", null, false),
  /** 自然人 (具备条件的个人): identified by the 公民身份号码. */
  NATURAL_PERSON("自然人", null, false);

  private final String label;
  private final String registrationAuthority;
  private final boolean mayDeclareSme;

  SupplierType(String label, String registrationAuthority, boolean mayDeclareSme) {
    this.label = label;
    this.registrationAuthority = registrationAuthority;
    this.mayDeclareSme = mayDeclareSme;
  }

  public String label() {
    return label;
  }

  /** Only enterprises (and 个体工商户) are small and medium enterprises (财库〔2020〕46号第二条). */
  public boolean mayDeclareSme() {
    return mayDeclareSme;
  }

  /** The name of the identifier this type registers with. */
  public String identifierLabel() {
    return this == NATURAL_PERSON ? "公民身份号码" : "统一社会信用代码";
  }

  /**
   * Whether the (valid) identifier fits the type: an enterprise's code is issued by 市场监管 (9), an institution's by
   * 机构编制 (1), a social organisation's by 民政 (5); other organisations have a code of another authority.
   */
  boolean fits(String identifier) {
    if (this == NATURAL_PERSON) {
      return CreditCode.isValidIdNumber(identifier);
    }
    if (!CreditCode.isValidCreditCode(identifier)) {
      return false;
    }
    String authority = identifier.substring(0, 1);
    if (registrationAuthority != null) {
      return registrationAuthority.equals(authority);
    }
    return !"9".equals(authority) && !"1".equals(authority) && !"5".equals(authority);
  }

  public static SupplierType parse(String code) {
    try {
      return code == null ? null : valueOf(code);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
