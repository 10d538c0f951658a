package org.publicservice.procurement.supplier;

/**
 * The size an enterprise declares in its 中小企业声明函 (财库〔2020〕46号第十一条, 附1), by the State Council's
 * standards for its industry (工信部联企业〔2011〕300号). Only small and micro enterprises get the price deduction
 * (财库〔2020〕46号第九条); medium enterprises may bid where a purchase is reserved for small and medium enterprises.
 */
public enum EnterpriseSize {

  LARGE("大型企业"),
  MEDIUM("中型企业"),
  SMALL("小型企业"),
  MICRO("微型企业");

  private final String label;

  EnterpriseSize(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** 中小企业: medium, small or micro. */
  public boolean sme() {
    return this != LARGE;
  }

  /** 小微企业: small or micro, the ones the price deduction is for (财库〔2020〕46号第九条, 小型和微型企业同等对待). */
  public boolean smallOrMicro() {
    return this == SMALL || this == MICRO;
  }

  public static EnterpriseSize parse(String code) {
    try {
      return code == null || code.isBlank() ? null : valueOf(code);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
