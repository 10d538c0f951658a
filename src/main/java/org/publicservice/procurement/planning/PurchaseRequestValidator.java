package org.publicservice.procurement.planning;

import static org.publicservice.procurement.planning.PlanningVariables.*;
import static org.publicservice.procurement.purchase.FormRules.reject;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.purchase.FormRules;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Component;

/**
 * Checks a purchase request when it is filed (start event) and when it is revised (task completion). A broken
 * rule rejects the submission with a Chinese message, so nothing is started or saved.
 */
@Component
public class PurchaseRequestValidator implements ExecutionListener, TaskListener {

  /** 需求管理办法第十条、第十一条: a needs survey for ≥ ¥10 M projects. */
  static final BigDecimal SURVEY_REQUIRED_FROM = new BigDecimal("10000000");
  static final int MIN_SURVEY_RESPONDENTS = 3;
  static final int MAX_SERVICE_YEARS = 3;
  static final BigDecimal MAX_BUDGET = new BigDecimal("100000000000");

  @Override
  public void notify(DelegateExecution execution) {
    validate(execution);
  }

  @Override
  public void notify(DelegateTask task) {
    validate(task);
  }

  void validate(VariableScope scope) {
    FormRules form = FormRules.of(scope);
    form.requiredText(SERVICE_NAME, "服务项目名称", SERVICE_NAME_MAX);
    form.requiredChoice(SERVICE_CATEGORY, "服务类别", ServiceCategory.codes());
    form.requiredText(SERVICE_DESCRIPTION, "服务内容", 4000);
    form.requiredText(SERVICE_STANDARDS, "服务标准", 4000);
    checkIndicators(scope);

    BigDecimal budget = form.requiredAmount(BUDGET, "预算金额");
    if (budget.signum() <= 0) {
      throw reject(BUDGET, "预算金额必须大于0元。");
    }
    if (budget.compareTo(MAX_BUDGET) > 0) {
      throw reject(BUDGET, "预算金额超出范围，请核对单位（元）。");
    }

    LocalDate start = form.requiredDate(SERVICE_PERIOD_START, "服务开始日期");
    LocalDate end = form.requiredDate(SERVICE_PERIOD_END, "服务结束日期");
    if (!end.isAfter(start)) {
      throw reject(SERVICE_PERIOD_END, "服务结束日期必须晚于开始日期。");
    }
    if (start.isBefore(ProcurementTime.today())) {
      throw reject(SERVICE_PERIOD_START, "服务开始日期不能早于今天。");
    }
    if (end.isAfter(start.plusYears(MAX_SERVICE_YEARS))) {
      throw reject(SERVICE_PERIOD_END, "服务期限不能超过" + MAX_SERVICE_YEARS + "年（政府购买服务合同履行期限一般不超过1年，最长不超过3年）。");
    }
    form.requiredText(REGION, "服务区域", 200);

    form.requiredText(NEEDS_ASSESSMENT, "需求确定方式", 4000);
    if (form.flag(SERVES_PUBLIC) || budget.compareTo(SURVEY_REQUIRED_FROM) >= 0) {
      Object respondents = scope.getVariable(SURVEY_RESPONDENTS);
      long count = respondents == null || respondents.toString().isBlank() ? 0
          : form.requiredWholeNumber(SURVEY_RESPONDENTS, "需求调查对象数量");
      if (count < MIN_SURVEY_RESPONDENTS) {
        throw reject(SURVEY_RESPONDENTS, "面向社会公众的服务或预算1000万元以上的项目须开展需求调查，调查对象不少于"
            + MIN_SURVEY_RESPONDENTS + "个（政府采购需求管理办法第十条、第十一条）。");
      }
    }

    String ground = form.optionalText(SINGLE_SOURCE_GROUND);
    if (ground != null && !SingleSourceGround.codes().contains(ground)) {
      throw reject(SINGLE_SOURCE_GROUND, "单一来源采购理由的选项无效。");
    }
    if (ground != null && !SingleSourceGround.NONE.name().equals(ground)) {
      form.requiredText(SINGLE_SOURCE_JUSTIFICATION, "单一来源采购的具体说明", 4000);
    }
    String methodGround = form.optionalText(METHOD_GROUND);
    if (methodGround != null && !MethodGround.codes().contains(methodGround)) {
      throw reject(METHOD_GROUND, "申请其他采购方式的理由的选项无效。");
    }
    boolean otherMethod = methodGround != null && !MethodGround.NONE.name().equals(methodGround);
    if (otherMethod) {
      if (ground != null && !SingleSourceGround.NONE.name().equals(ground)) {
        throw reject(METHOD_GROUND, "单一来源采购理由与邀请招标、竞争性谈判理由只能选择一项。");
      }
      form.requiredText(METHOD_GROUND_JUSTIFICATION, "申请该采购方式的具体说明", 4000);
    }
    // the decision table and the panel draw read plain values
    scope.setVariable(METHOD_GROUND, otherMethod ? methodGround : MethodGround.NONE.name());
    scope.setVariable(TECHNICALLY_COMPLEX, form.flag(TECHNICALLY_COMPLEX));
    scope.setVariable(HIGH_SOCIAL_IMPACT, form.flag(HIGH_SOCIAL_IMPACT));
  }

  /** The indicators come as a table (one row per indicator); the later stages measure against it. */
  private static void checkIndicators(VariableScope scope) {
    scope.setVariable(INDICATORS, SpinValues.jsonValue(JsonValues.toJson(Indicators.read(scope))).create());
  }

}
