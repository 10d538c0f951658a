package org.publicservice.procurement.durability;

import java.time.Duration;
import java.time.Instant;
import org.publicservice.procurement.notification.SlowSmtpServer;

/** Waits until the nodes have finished the work they had queued: no job due, no mail leaving any more. */
final class Drain {

  private Drain() {
  }

  static void untilIdle(ProcurementClient client, SlowSmtpServer smtp, Duration timeout) throws Exception {
    Instant until = Instant.now().plus(timeout);
    int lastReceived = -1;
    Instant quietSince = Instant.now();
    while (Instant.now().isBefore(until)) {
      long due = client.count(ProcurementClient.ADMIN, "/engine-rest/job/count?executable=true");
      int received = smtp.messageIds().size();
      if (received != lastReceived || due > 0) {
        lastReceived = received;
        quietSince = Instant.now();
      } else if (Duration.between(quietSince, Instant.now()).toSeconds() >= 3) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("work still going on after " + timeout);
  }
}
