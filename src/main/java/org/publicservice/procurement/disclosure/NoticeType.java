package org.publicservice.procurement.disclosure;

/** Kinds of notice the procedure publishes, with the name the public reads. */
public enum NoticeType {
  PROCUREMENT_INTENTION("采购意向"),
  SINGLE_SOURCE_NOTICE("单一来源采购公示"),
  TENDER_NOTICE("招标公告"),
  CLARIFICATION("澄清或修改公告"),
  OPENING_RECORD("开标记录"),
  FAILED_TENDER("废标公告"),
  AWARD_NOTICE("中标（成交）结果公告"),
  COMPLAINT_DECISION("投诉处理决定"),
  CONTRACT("政府采购合同公告"),
  PAYMENT("资金支付信息"),
  ACCEPTANCE("履约验收结果"),
  EVALUATION_RESULT("绩效评价结果");

  private final String label;

  NoticeType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
