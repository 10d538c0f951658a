package org.publicservice.procurement.evaluation;

import static org.publicservice.procurement.evaluation.EvaluationVariables.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.rating.ServiceRatings;
import org.springframework.stereotype.Component;

/**
 * Archives the purchase at the end of its evaluation: writes the manifest of its file. What is archived, and
 * where it stays:
 * <ul>
 *   <li>the procedure (every task, decision, form submission and variable of the purchase and its stages): the
 *       engine's history under the root process instance, kept 15 years (history time to live P5479D);</li>
 *   <li>every published notice: the disclosure register (listed by id, type and title);</li>
 *   <li>the approved plan (purchase_plan), the contract (contractId, contractor, amount), the evaluation with its
 *       grade and scores (service_evaluation), the public's ratings, anonymous (service_rating), the final payment
 *       (final_payment) and, for 不合格, the credit record (credit_record).</li>
 * </ul>
 */
@Component
public class ArchivePurchaseDelegate implements JavaDelegate {

  private final PurchaseArchive archive;
  private final DisclosureRegister register;
  private final FinalPayments payments;
  private final ServiceRatings ratings;

  public ArchivePurchaseDelegate(PurchaseArchive archive, DisclosureRegister register, FinalPayments payments,
      ServiceRatings ratings) {
    this.archive = archive;
    this.register = register;
    this.payments = payments;
    this.ratings = ratings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String projectNumber = execution.getProcessBusinessKey();
    long evaluationId = ((Number) execution.getVariable(EVALUATION_ID)).longValue();
    String root = ((ExecutionEntity) execution).getRootProcessInstanceId();
    FormRules vars = FormRules.of(execution);

    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("projectNumber", projectNumber);
    manifest.put("procedure", Map.of("store", "Camunda history (ACT_HI_*), history time to live P5479D",
        "rootProcessInstanceId", root));
    manifest.put("notices", register.findByProject(projectNumber).stream().map(notice -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", notice.id());
      entry.put("type", notice.type().name());
      entry.put("title", notice.title());
      entry.put("publishedAt", notice.publishedAt().toString());
      return entry;
    }).toList());
    Map<String, Object> contract = new LinkedHashMap<>();
    contract.put("contractId", vars.optionalText(CONTRACT_ID));
    contract.put("contractor", vars.optionalText(CONTRACTOR));
    contract.put("contractorName", vars.optionalText(CONTRACTOR_NAME));
    contract.put("contractAmount", execution.getVariable(CONTRACT_AMOUNT));
    manifest.put("contract", contract);
    Map<String, Object> evaluation = new LinkedHashMap<>();
    evaluation.put("evaluationId", evaluationId);
    evaluation.put("grade", execution.getVariable(GRADE));
    evaluation.put("score", execution.getVariable(SCORE));
    evaluation.put("ratings", ratings.summary(evaluationId).ratings());
    evaluation.put("finalPayment", payments.find(evaluationId).map(p -> p.amount().toPlainString()).orElse(null));
    manifest.put("evaluation", evaluation);
    manifest.put("tables", List.of("purchase_plan", "disclosure_notice", "service_evaluation", "service_rating",
        "service_rating_stars", "final_payment", "credit_record", "credit_check", "review_panel_draw",
        "review_report", "bid_review_result", "price_explanation"));
    archive.archive(projectNumber, root, JsonValues.toJson(manifest));
  }
}
