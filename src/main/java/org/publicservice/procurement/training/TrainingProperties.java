package org.publicservice.procurement.training;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code procurement.training.*}: the training mode of non-production profiles, in which the procedure's clock runs
 * so fast that a working day passes in {@code minutes-per-working-day} real minutes (see {@link TrainingClock}).
 *
 * @param enabled whether the engine clock runs accelerated (refused in the prod profile)
 * @param minutesPerWorkingDay real minutes per working day: a calendar week, weekend included, passes in five times
 *     this; at the default 0.5 one purchase from request to archive (about 120 days with a two-week service
 *     period) took about 43 minutes, 39 of them its periods (measured by TrainingModeBrowserTest, docs/tour.md)
 */
@ConfigurationProperties("procurement.training")
public record TrainingProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("0.5") BigDecimal minutesPerWorkingDay) {
}
