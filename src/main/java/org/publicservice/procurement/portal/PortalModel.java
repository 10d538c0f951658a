package org.publicservice.procurement.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the header of every portal page needs: the logged-in organisation (its name and the logout button with the
 * session's token) or nothing. It never opens a session: an anonymous reader gets no cookie.
 */
@ControllerAdvice(annotations = PortalPage.class)
class PortalModel {

  static final String ACCOUNT = "portalAccount";

  @ModelAttribute
  void account(Model model, HttpServletRequest request) {
    addAccount(model.asMap(), request);
  }

  static void addAccount(Map<String, Object> model, HttpServletRequest request) {
    PortalAccount.of(request).ifPresent(account -> {
      model.put(ACCOUNT, account);
      model.put(CsrfTokens.MODEL_ATTRIBUTE, CsrfTokens.tokenOf(request.getSession(false)));
    });
  }
}
