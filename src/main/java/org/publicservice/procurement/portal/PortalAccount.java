package org.publicservice.procurement.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * The social organisation logged into the portal, kept in its HTTP session. Only the portal's login puts it there,
 * after the engine's identity service confirmed the password and the membership of group {@code social-org}.
 */
public record PortalAccount(String userId, String name) implements Serializable {

  static final String SESSION_ATTRIBUTE = PortalAccount.class.getName();
  /**
   * How long an organisation's login lasts without a request: a working day. Typing a bid never reaches the server,
   * so the limit counts from the last page opened or saved; a service plan, team and qualifications take hours to
   * write. Longer would leave an office computer logged in overnight; a bid sent after the limit is still kept
   * (as the organisation's sealed draft, see tender.ExpiredLoginKeepsBidForm). Tasklist keeps its own 30 minutes.
   */
  public static final java.time.Duration SESSION_LENGTH = java.time.Duration.ofHours(8);

  /** The account of this request's session; never creates a session, so anonymous readers get no cookie. */
  public static Optional<PortalAccount> of(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable((PortalAccount) session.getAttribute(SESSION_ATTRIBUTE));
    } catch (IllegalStateException invalidated) {
      return Optional.empty();
    }
  }

  /** The account of this request's session; a request without one is refused (403) with a Chinese message. */
  public static PortalAccount required(HttpServletRequest request) {
    return of(request).orElseThrow(
        () -> new PortalRequestException(HttpStatus.FORBIDDEN, "请先以社会组织账号登录。"));
  }
}
