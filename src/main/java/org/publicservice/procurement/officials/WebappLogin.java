package org.publicservice.procurement.officials;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * The official logged into Tasklist or Cockpit, as the Camunda webapps keep her in the HTTP session: the pages of
 * this package extend Tasklist and answer only to its login, never to a user id sent by the browser.
 */
record WebappLogin(String userId, List<String> groupIds) {

  static final String ENGINE = "default";

  static Optional<WebappLogin> of(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null
        || !(authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user)) {
      return Optional.empty();
    }
    return Optional.of(new WebappLogin(user.getName(), List.copyOf(user.getGroupIds())));
  }
}
