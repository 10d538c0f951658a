package org.publicservice.procurement.credit;

/** The lists a credit record comes from (财库〔2016〕125号; 实施条例第六十三条), with the names officials read. */
public enum CreditListing {
  /** 失信被执行人 (信用中国). */
  COURT_DEFAULTER("失信被执行人"),
  /** 政府采购严重违法失信行为记录名单 (中国政府采购网). */
  PROCUREMENT_BLACKLIST("政府采购严重违法失信行为记录名单"),
  /** 重大税收违法失信主体. */
  MAJOR_TAX_VIOLATION("重大税收违法失信主体"),
  /** 绩效评价不合格 (recorded by the evaluation stage). */
  FAILED_EVALUATION("绩效评价不合格");

  private final String chineseName;

  CreditListing(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
