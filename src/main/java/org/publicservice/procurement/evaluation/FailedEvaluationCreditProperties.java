package org.publicservice.procurement.evaluation;

import java.time.Period;
import org.publicservice.procurement.credit.CreditEffect;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a 不合格 evaluation counts against the organisation ({@code procurement.credit.*}).
 *
 * @param failedEvaluationValidity how long the FAILED_EVALUATION record applies from the day of the grade. Default
 *     P3Y: the law's look-back for a supplier's record is three years (政府采购法第二十二条, 实施条例第十九条); no rule
 *     sets a period for a failed evaluation, so a city may choose a shorter one.
 * @param failedEvaluationEffect PENALISE (later reviews see it and may deduct points) by default: a failed
 *     evaluation is no legal ground for exclusion (政府采购法第二十二条 lists them); a city whose rules exclude sets
 *     EXCLUDE
 */
@ConfigurationProperties("procurement.credit")
public record FailedEvaluationCreditProperties(
    @DefaultValue("P3Y") Period failedEvaluationValidity,
    @DefaultValue("PENALISE") CreditEffect failedEvaluationEffect) {
}
