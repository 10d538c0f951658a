package org.publicservice.procurement.portal;

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
 * Slows down password guessing on the portal's login from one address across many accounts. The engine already
 * delays and finally locks a single account after wrong passwords (IdentityService.checkPassword: 3 s doubling,
 * locked after 10); this adds a limit per client address: after {@value #MAX_FAILURES} failed logins within
 * {@link #WINDOW} the address may not try again until the oldest failure is older than the window.
 *
 * <p>Kept in memory: a restart forgets it, which only gives an attacker a new window, and the engine's lock per
 * account stays. Behind a reverse proxy the address is the proxy's unless the server trusts its forwarded header
 * ({@code server.forward-headers-strategy}).
 */
@Component
class LoginThrottle {

  static final int MAX_FAILURES = 10;
  static final Duration WINDOW = Duration.ofMinutes(15);
  /** Bounds the memory an attacker with many addresses can take; older entries go first. */
  private static final int MAX_ADDRESSES = 10_000;

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  /** Whether this address has used up its failed attempts. */
  boolean blocked(String address) {
    Deque<Instant> recent = failures.get(address);
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

  void failed(String address) {
    if (failures.size() >= MAX_ADDRESSES) {
      failures.entrySet().removeIf(entry -> {
        synchronized (entry.getValue()) {
          forgetOld(entry.getValue());
          return entry.getValue().isEmpty();
        }
      });
    }
    Deque<Instant> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
    synchronized (recent) {
      forgetOld(recent);
      recent.addLast(now());
    }
  }

  /** A successful login clears the address: an organisation that mistyped a few times starts afresh. */
  void succeeded(String address) {
    failures.remove(address);
  }

  private static void forgetOld(Deque<Instant> recent) {
    Instant limit = now().minus(ProcurementTime.forPeople(WINDOW));
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(limit)) {
      recent.removeFirst();
    }
  }

  /** The engine clock, so that tests move the window by moving the clock as for every other deadline. */
  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
