package org.publicservice.procurement.identity;

import java.util.List;

/**
 * Keys of the process definitions the access rules name. The processes themselves live in {@code processes/};
 * the keys are repeated here so that the grants can be written before (and independently of) the models.
 */
public final class ProcessKeys {

  /** 政府购买服务 main process, started by a purchaser through its start form. */
  public static final String PUBLIC_SERVICE_PURCHASE = "PublicServicePurchase";
  public static final String TENDER_STAGE = "TenderStage";
  /** The single-source procurement of an approved plan, called by the main process. */
  public static final String SINGLE_SOURCE_STAGE = "SingleSourceStage";
  /** Started by a social organisation to object to a single-source notice. */
  public static final String SINGLE_SOURCE_OBJECTION = "SingleSourceObjection";
  public static final String REVIEW_STAGE = "ReviewStage";
  public static final String AWARD_STAGE = "AwardStage";
  public static final String CONTRACT_STAGE = "ContractStage";
  public static final String PERFORMANCE_STAGE = "PerformanceStage";
  public static final String EVALUATION_STAGE = "EvaluationStage";
  /** Started by a bidder (social organisation) to challenge an award; handled inside AwardStage. */
  public static final String BID_CHALLENGE = "BidChallenge";
  /** Started by a bidder whose challenge was rejected; the finance bureau handles it. */
  public static final String BID_COMPLAINT = "BidComplaint";
  /** Started by the portal for a resident's comment on a procurement intention; read by the department. */
  public static final String INTENTION_COMMENT = "IntentionComment";
  /** Checks at start-up and every autumn whether a year in use lacks its official holiday schedule. */
  public static final String CHECK_HOLIDAY_SCHEDULE = "CheckHolidaySchedule";
  /** Started by administrators to maintain the working-day calendar. */
  public static final String MAINTAIN_HOLIDAY_SCHEDULE = "MaintainHolidaySchedule";
  /** Started by administrators (camunda-admin, who hold every permission) to maintain the credit register. */
  public static final String MAINTAIN_CREDIT_RECORD = "MaintainCreditRecord";

  /** The main process and every stage of a purchase: what finance oversees. */
  public static final List<String> PURCHASE_PROCESSES = List.of(PUBLIC_SERVICE_PURCHASE, SINGLE_SOURCE_STAGE, TENDER_STAGE,
      REVIEW_STAGE,
      AWARD_STAGE, CONTRACT_STAGE, PERFORMANCE_STAGE, EVALUATION_STAGE);

  private ProcessKeys() {
  }
}
