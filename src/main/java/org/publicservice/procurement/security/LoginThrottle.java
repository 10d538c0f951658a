package org.publicservice.procurement.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing from one client address, across every login the application has: the REST API's
 * basic authentication, the login of Tasklist, Cockpit and Admin, and the portal's organisation login. After
 * {@value #MAX_FAILURES} failed logins within {@link #WINDOW} the address may not try again until its oldest failure
 * is older than the window; nothing is locked for good. Per account the engine adds its own growing delay
 * (3 s doubling up to 60 s, application.yaml {@code login-delay-*}); its permanent lock is switched off.
 *
 * <p>A successful login clears the address, so that people behind one office router who mistyped start afresh;
 * guessing one account stays slow through the engine's delay per account, whatever the address. The address is the
 * client's own only behind a configured trusted proxy
 * ({@code server.tomcat.remoteip.internal-proxies}); a made-up X-Forwarded-For from anyone else is ignored.
 * Kept in memory: a restart forgets it, which only gives an attacker a new window.
 */
@Component
public class LoginThrottle {

  public static final int MAX_FAILURES = 10;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  /** Bounds the memory an attacker with many addresses can take; older entries go first. */
  private static final int MAX_ADDRESSES = 10_000;

  private record Failure(Instant at, String account) {
  }

  private final Map<String, Deque<Failure>> failures = new ConcurrentHashMap<>();

  /** Whether this address has used up its failed attempts. */
  public boolean blocked(String address) {
    Deque<Failure> recent = failures.get(address);
    if (recent == null) {
      return false;
    }
    synchronized (recent) {
      forgetOld(recent);
      if (recent.isEmpty()) {
        failures.remove(address, recent);
        return false;
      }
      return recent.size() >= MAX_FAILURES;
    }
  }

  public void failed(String address, String account) {
    if (failures.size() >= MAX_ADDRESSES) {
      failures.entrySet().removeIf(entry -> {
        synchronized (entry.getValue()) {
          forgetOld(entry.getValue());
          return entry.getValue().isEmpty();
        }
      });
    }
    Deque<Failure> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
    synchronized (recent) {
      forgetOld(recent);
      recent.addLast(new Failure(now(), account == null ? "" : account));
    }
  }

  /** A user who mistyped a few times starts afresh. */
  public void succeeded(String address, String account) {
    failures.remove(address);
  }

  /** Minutes until the address may try again (at least 1). */
  public long minutesToWait(String address) {
    Deque<Failure> recent = failures.get(address);
    if (recent == null) {
      return 1;
    }
    synchronized (recent) {
      Instant oldest = recent.isEmpty() ? now() : recent.peekFirst().at();
      // real minutes, also under the training mode's faster engine clock
      Duration left = Duration.between(now(), oldest.plus(ProcurementTime.forPeople(WINDOW)));
      return Math.max(1, (long) (left.toMillis() / ProcurementTime.speed()) / 60_000 + 1);
    }
  }

  private static void forgetOld(Deque<Failure> recent) {
    Instant limit = now().minus(ProcurementTime.forPeople(WINDOW));
    while (!recent.isEmpty() && !recent.peekFirst().at().isAfter(limit)) {
      recent.removeFirst();
    }
  }

  /** The engine clock, so that tests move the window by moving the clock as for every other deadline. */
  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
