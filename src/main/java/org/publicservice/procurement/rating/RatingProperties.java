package org.publicservice.procurement.rating;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the public's rating of a purchased service ({@code procurement.rating.*}).
 *
 * @param windowWorkingDays how long service recipients and residents may rate, in working days from the opening
 *     of the evaluation (no statute sets it; 10 working days give a fortnight to hand out the codes)
 * @param codesPerEvaluation one-time rating codes the stage generates for the department to hand to service
 *     recipients, unless the stage is started with {@code ratingCodeCount}
 * @param emailCodeValidity how long the confirmation code mailed to a resident is accepted
 * @param emailCodeInterval a resident may ask for a new confirmation code only after this pause (mail flooding)
 */
@ConfigurationProperties("procurement.rating")
public record RatingProperties(
    @DefaultValue("10") int windowWorkingDays,
    @DefaultValue("50") int codesPerEvaluation,
    @DefaultValue("PT30M") Duration emailCodeValidity,
    @DefaultValue("PT1M") Duration emailCodeInterval) {
}
