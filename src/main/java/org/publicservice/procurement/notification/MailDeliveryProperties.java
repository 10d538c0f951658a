package org.publicservice.procurement.notification;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the {@link MailDispatcher} delivers the outbox ({@code procurement.mail.delivery.*}).
 *
 * @param enabled whether this node sends mail in the background; the tests switch it off and deliver by hand
 * @param threads mails sent at the same time by this node; they hold no database connection while they talk to the
 *     mail server, so a slow server slows only mail
 * @param pollInterval how often the outbox is looked at besides the nudge every committed step with mail gives:
 *     it picks up retries that fell due and mails of steps committed on other nodes
 * @param lease how long a node holds a mail it is sending before another node may take it over; longer than the
 *     longest SMTP conversation (the spring.mail timeouts), shorter than anyone waits for a mail
 * @param retryIntervals the waits after each failed attempt; after the last one fails the mail becomes a Cockpit
 *     incident on its purchase
 */
@ConfigurationProperties("procurement.mail.delivery")
public record MailDeliveryProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("2") int threads,
    @DefaultValue("PT10S") Duration pollInterval,
    @DefaultValue("PT2M") Duration lease,
    @DefaultValue({"PT1M", "PT5M", "PT15M", "PT1H", "PT4H"}) List<Duration> retryIntervals) {
}
