package org.publicservice.procurement.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Cross-site request forgery protection of the portal (the application has no Spring Security; the Camunda webapps
 * protect their own paths with their own filter). Every form of the portal that changes something carries the
 * session's secret token in the hidden field {@value #FIELD}; a POST (or any other unsafe method) to a portal
 * handler without the session's token is refused with 403 before the handler runs, so a page of another site can
 * never submit, withdraw, ask or log in or out in an organisation's name.
 *
 * <p>As a {@link HandlerInterceptor} it runs only for requests a portal handler accepts: a POST to a read-only page
 * still answers 405 Method Not Allowed.
 */
final class CsrfTokens implements HandlerInterceptor {

  static final String FIELD = "_csrf";
  static final String MODEL_ATTRIBUTE = "csrfToken";
  private static final String SESSION_ATTRIBUTE = CsrfTokens.class.getName();
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The session's token, made on first use; call it only for pages that show a form (it needs a session). */
  static String tokenOf(HttpSession session) {
    Object token = session.getAttribute(SESSION_ATTRIBUTE);
    if (token instanceof String existing) {
      return existing;
    }
    return renew(session);
  }

  /** A fresh token, at login: a token an attacker saw before the login is of no use after it. */
  static String renew(HttpSession session) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    session.setAttribute(SESSION_ATTRIBUTE, token);
    return token;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws Exception {
    // static files (portal.css) change nothing and answer other methods with 405 themselves
    if (SAFE_METHODS.contains(request.getMethod()) || !(handler instanceof HandlerMethod)) {
      return true;
    }
    HttpSession session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
    String sent = request.getParameter(FIELD);
    if (expected instanceof String token && sent != null
        && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
      return true;
    }
    throw new PortalRequestException(HttpStatus.FORBIDDEN,
        "页面已过期或提交来源无法确认，内容未被保存。请重新打开页面后再提交。");
  }
}
