package org.publicservice.procurement.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the mail notifications ({@code procurement.mail.*}). The SMTP server itself is configured with
 * Spring Boot's {@code spring.mail.*}.
 *
 * @param from sender address of every mail
 * @param fromName sender name shown by mail programs
 * @param templates where the mail templates are read from: {@code classpath:/mail/} (built in) or a folder such
 *     as {@code file:./mail-templates/} that an operator edits; a template missing there is taken from the
 *     built-in ones
 * @param dueSoonWithin a task whose due date is this close gets the "deadline near" reminder, when the deadline
 *     scan has no working-day limit of its own (TaskDeadlineWatch has: the end of the next working day)
 */
@ConfigurationProperties("procurement.mail")
public record MailProperties(
    @DefaultValue("noreply@localhost") String from,
    @DefaultValue("政府购买公共服务平台") String fromName,
    @DefaultValue(MailTemplates.BUILT_IN) String templates,
    @DefaultValue("P1D") Duration dueSoonWithin) {
}
