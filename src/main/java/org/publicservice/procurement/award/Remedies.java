package org.publicservice.procurement.award;

import static org.publicservice.procurement.award.AwardVariables.*;
import static org.publicservice.procurement.disclosure.NoticeText.line;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.PurchaseIdentity;
import org.publicservice.procurement.identity.ProcessKeys;
import org.publicservice.procurement.identity.SystemAccess;
import org.publicservice.procurement.tender.BidBox;
import org.publicservice.procurement.tender.TenderVariables;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What an upheld challenge (94号令第十六条) or complaint (94号令第三十一条、第三十二条) does to the procurement, by what
 * has happened so far:
 * <ul>
 *   <li>no effect on the result, or a contract already signed and performed: the procurement goes on;</li>
 *   <li>documents during the bid period: amended, published as an amendment, the deadline moved where
 *   87号令第二十七条 asks (through the tender stage's own amendment step);</li>
 *   <li>before an award: a new tender (or a new review by the panel, 87号令第六十四条, for the award stage);</li>
 *   <li>after the award, before the contract is signed: the award is invalid; another winner from the qualified
 *   candidates in order when their number still meets the statutory minimum, otherwise a new tender; or a new
 *   review;</li>
 *   <li>a single source cannot go to another supplier: it ends.</li>
 * </ul>
 * The main process catches {@link AwardVariables#PROCEDURE_OVERTURNED_MESSAGE} on the stage running and cancels it.
 */
@Component
public class Remedies {

  static final Map<String, String> LABELS = labels();

  private final ProcessEngine engine;
  private final DisclosureRegister register;
  private final AwardDecisions awards;
  private final BidBox bidBox;
  private final BondRefunds refunds;

  public Remedies(@Lazy ProcessEngine engine, DisclosureRegister register, AwardDecisions awards, BidBox bidBox,
      BondRefunds refunds) {
    this.engine = engine;
    this.register = register;
    this.awards = awards;
    this.bidBox = bidBox;
    this.refunds = refunds;
  }

  private static Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(REMEDY_NO_EFFECT, "成立但不影响采购结果（或合同已履行），继续开展采购活动");
    labels.put(REMEDY_AMEND, "澄清或修改采购文件后继续采购（必要时顺延投标截止时间）");
    labels.put(REMEDY_RE_REVIEW, "由原评审委员会重新评审");
    labels.put(REMEDY_NEXT_CANDIDATE, "中标（成交）结果无效，从合格候选人中按顺序另行确定");
    labels.put(REMEDY_RE_TENDER, "重新开展采购活动");
    labels.put(REMEDY_STOP, "终止本次单一来源采购");
    return labels;
  }

  /** The remedies that can be applied now to a challenge or complaint on the subject, "no effect" first. */
  public List<String> available(String projectNumber, String subject) {
    return SystemAccess.run(engine, () -> {
      List<String> remedies = new ArrayList<>(List.of(REMEDY_NO_EFFECT));
      RuntimeService runtime = engine.getRuntimeService();
      ProcessInstance purchase = purchase(projectNumber);
      if (purchase == null) {
        return remedies;
      }
      Set<String> active = Set.copyOf(runtime.getActiveActivityIds(purchase.getId()));
      boolean documents = ChallengeSubject.DOCUMENTS.name().equals(subject);
      if ("SINGLE_SOURCE".equals(runtime.getVariable(purchase.getId(), "procurementMethod"))) {
        if (active.contains("Task_SingleSourceProcurement") || (active.contains("Task_ContractStage") && !signed(projectNumber))) {
          remedies.add(REMEDY_STOP);
        }
        return remedies;
      }
      if (active.contains("Task_TenderStage")) {
        if (documents && amendmentTask(projectNumber) != null) {
          remedies.add(REMEDY_AMEND);
        }
        remedies.add(REMEDY_RE_TENDER);
      } else if (active.contains("Task_ReviewStage")) {
        remedies.add(REMEDY_RE_TENDER);
      } else if (active.contains("Task_AwardStage")) {
        if (!documents) {
          remedies.add(REMEDY_RE_REVIEW);
        }
        remedies.add(REMEDY_RE_TENDER);
      } else if (active.contains("Task_ContractStage") && !signed(projectNumber)) {
        if (!documents) {
          remedies.add(REMEDY_RE_REVIEW);
          if (enoughCandidatesLeft(purchase.getId())) {
            remedies.add(REMEDY_NEXT_CANDIDATE);
          }
        }
        remedies.add(REMEDY_RE_TENDER);
      }
      return remedies;
    });
  }

  /** Select options {@code {label, value}} of the remedies available now. */
  public Object options(String projectNumber, String subject) {
    List<Map<String, String>> options = available(projectNumber, subject).stream()
        .map(remedy -> Map.of("label", LABELS.get(remedy), "value", remedy)).toList();
    return SpinValues.jsonValue(JsonValues.toJson(options)).create();
  }

  /**
   * Applies the remedy of an upheld challenge or complaint. {@code because} says who upheld what ("质疑成立" or
   * "投诉成立（财政部门处理决定）"), {@code reasons} the facts; {@code publisher} publishes the notice of a new tender.
   */
  public void apply(String projectNumber, String remedy, String because, String reasons, String amendment,
      String publisher) {
    SystemAccess.run(engine, () -> {
      switch (remedy) {
        case REMEDY_NO_EFFECT -> {
        }
        case REMEDY_AMEND -> amend(projectNumber, because, amendment);
        case REMEDY_RE_REVIEW, REMEDY_NEXT_CANDIDATE, REMEDY_RE_TENDER, REMEDY_STOP ->
            overturn(projectNumber, remedy, because + "：" + reasons, publisher);
        default -> throw new IllegalStateException("Unknown remedy " + remedy);
      }
      return null;
    });
  }

  private void amend(String projectNumber, String because, String amendment) {
    Task task = amendmentTask(projectNumber);
    if (task == null) {
      throw new IllegalStateException("No bid period open in " + projectNumber + " to amend the documents");
    }
    // through the tender stage's own amendment step: published as 澄清或修改公告, bidders mailed, deadline moved
    engine.getTaskService().complete(task.getId(), Variables.createVariables()
        .putValue("amendmentText", "（" + because + "，依照财政部令第94号第十六条第一项修改采购文件）" + amendment));
  }

  private void overturn(String projectNumber, String remedy, String reason, String publisher) {
    RuntimeService runtime = engine.getRuntimeService();
    ProcessInstance purchase = purchase(projectNumber);
    if (purchase == null) {
      throw new IllegalStateException("No running purchase " + projectNumber + " for remedy " + remedy);
    }
    VariableMap variables = Variables.createVariables().putValue(OVERTURN_REMEDY, remedy);
    var now = Challenges.offset(ClockUtil.getCurrentTime());
    if (REMEDY_NEXT_CANDIDATE.equals(remedy)) {
      String winner = (String) runtime.getVariable(purchase.getId(), WINNER);
      List<Map<String, Object>> excluded = new ArrayList<>(
          JsonValues.rows(runtime.getVariable(purchase.getId(), EXCLUDED_BIDDERS)));
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("bidder", winner);
      row.put("bidderName", runtime.getVariable(purchase.getId(), WINNER_NAME));
      row.put("ground", "BREACH");
      row.put("reason", reason);
      excluded.add(row);
      variables.putValue(EXCLUDED_BIDDERS, SpinValues.jsonValue(JsonValues.toJson(excluded)).create());
      variables.putValue(REPLACEMENT_REASON, reason);
    } else {
      variables.putValue(FAILED_TENDER_REASON, reason);
      // a new review or tender ranks anew: nobody stays excluded from it
      variables.putValue(EXCLUDED_BIDDERS, SpinValues.jsonValue("[]").create());
      if (!REMEDY_RE_REVIEW.equals(remedy)) {
        publishEnd(projectNumber, purchase.getId(), remedy, reason, publisher);
        if (runtime.getActiveActivityIds(purchase.getId()).contains("Task_TenderStage")) {
          // the bid period ends with the tender: bids in so far go back unopened
          bidBox.currentCall(projectNumber).ifPresent(call -> bidBox.cancelRound(projectNumber, call.round()));
        } else {
          refundOpenedBidBonds(projectNumber, purchase.getId());
        }
      }
    }
    awards.cancelActive(projectNumber, reason, now);
    runtime.createMessageCorrelation(PROCEDURE_OVERTURNED_MESSAGE).processInstanceId(purchase.getId())
        .setVariables(variables).correlate();
  }

  /**
   * The opened round ends with the termination notice just published: every bid bond its bids stated and not owed
   * back yet (the winner's, after an award notice) goes back within 5 working days (87号令第二十九条、第三十八条).
   */
  private void refundOpenedBidBonds(String projectNumber, String purchaseId) {
    RuntimeService runtime = engine.getRuntimeService();
    List<BondRefunds.Owed> stated = BondRefunds.bidBondsLodged(
        runtime.getVariable(purchaseId, TenderVariables.BID_BOND),
        runtime.getVariable(purchaseId, OPENED_BIDS));
    refunds.startBidBondRefund(runtime, new PurchaseIdentity(projectNumber,
            String.valueOf(runtime.getVariable(purchaseId, PurchaseIdentity.DEPARTMENT_NAME)),
            String.valueOf(runtime.getVariable(purchaseId, PurchaseIdentity.SERVICE_NAME))),
        runtime.getVariable(purchaseId, PurchaseIdentity.DEPARTMENT_GROUP),
        stated);
  }

  /** 政府采购法第三十六条: a tender affected by an unlawful act fails (废标); the public learns why. */
  private void publishEnd(String projectNumber, String purchaseId, String remedy, String reason, String publisher) {
    RuntimeService runtime = engine.getRuntimeService();
    String serviceName = String.valueOf(runtime.getVariable(purchaseId, "serviceName"));
    String department = String.valueOf(runtime.getVariable(purchaseId, PurchaseIdentity.DEPARTMENT_NAME));
    StringBuilder text = new StringBuilder();
    line(text, "项目编号", projectNumber);
    line(text, "项目名称", serviceName);
    line(text, "采购单位", department);
    line(text, "原因", reason);
    line(text, "后续安排", REMEDY_STOP.equals(remedy) ? "本次单一来源采购终止。"
        : "本次采购活动终止，采购单位将依法重新开展采购活动（政府采购法第三十六条、第三十七条）。");
    register.publish(projectNumber, NoticeType.FAILED_TENDER, department + "关于" + serviceName + "的采购终止公告",
        text.toString(), publisher == null ? department : publisher, purchaseId);
  }

  private ProcessInstance purchase(String projectNumber) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PURCHASE_PROCESS_KEY)
        .processInstanceBusinessKey(projectNumber).singleResult();
  }

  private Task amendmentTask(String projectNumber) {
    return engine.getTaskService().createTaskQuery().processDefinitionKey(ProcessKeys.TENDER_STAGE)
        .processInstanceBusinessKey(projectNumber).taskDefinitionKey("Task_AmendDocuments").active().singleResult();
  }

  /** Whether the contract stage has got past both signatures. */
  private boolean signed(String projectNumber) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ProcessKeys.CONTRACT_STAGE)
        .processInstanceBusinessKey(projectNumber).list().stream()
        .noneMatch(stage -> engine.getRuntimeService().getActiveActivityIds(stage.getId()).stream()
            .anyMatch(UNSIGNED_STEPS::contains));
  }

  private static final Set<String> UNSIGNED_STEPS = Set.of("Task_DraftContract", "Task_NotifyContractReady",
      "Task_SignContract", "Task_CountersignContract", "Task_DecideNextCandidate", "SubProcess_Signing");

  /**
   * 94号令第十六条第二项、第三十二条第二项: another winner only while the qualified suppliers, without the one whose award
   * is invalid, still number the statutory minimum; the candidates left must include one to award.
   */
  private boolean enoughCandidatesLeft(String purchaseId) {
    RuntimeService runtime = engine.getRuntimeService();
    Set<String> excluded = new java.util.HashSet<>();
    JsonValues.rows(runtime.getVariable(purchaseId, EXCLUDED_BIDDERS))
        .forEach(row -> excluded.add(String.valueOf(row.get("bidder"))));
    excluded.add(String.valueOf(runtime.getVariable(purchaseId, WINNER)));
    long qualified = JsonValues.rows(runtime.getVariable(purchaseId, RANKING)).size() - 1L;
    long left = RankedBid.of(runtime.getVariable(purchaseId, RANKING)).stream()
        .filter(bid -> !excluded.contains(bid.bidder())).count();
    Object minimum = runtime.getVariable(purchaseId, "minimumBids");
    int statutory = minimum == null ? 3 : ((Number) minimum).intValue();
    return left > 0 && qualified >= statutory;
  }
}
