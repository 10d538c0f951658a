package org.publicservice.procurement.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;

/**
 * The social organisation logged into the portal, kept in its HTTP session. Only the portal's login puts it there,
 * after the engine's identity service confirmed the password and the membership of group {@code social-org}.
 */
public record PortalAccount(String userId, String name) implements Serializable {

  static final String SESSION_ATTRIBUTE = PortalAccount.class.getName();

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
}
