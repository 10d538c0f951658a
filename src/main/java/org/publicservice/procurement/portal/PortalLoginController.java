package org.publicservice.procurement.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.regex.Pattern;
import org.publicservice.procurement.security.LoginThrottle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's login for social organisations (承接主体登录): user id and password of the organisation's account, a
 * session for the organisations' area, and logout. Readers of the public pages never need it.
 */
@Controller
@PortalPage
class PortalLoginController {

  static final String AREA = "/portal/bidder";
  /** Where a login may lead: only into the organisations' area, never to another site. */
  private static final Pattern NEXT = Pattern.compile("/portal/bidder(/[A-Za-z0-9_-]+){0,4}");
  static final String FAILED = "登录失败：账号或密码不正确，或该账号不是已确认注册的供应商账号。";

  private final OrganisationLogin login;
  private final LoginThrottle throttle;

  PortalLoginController(OrganisationLogin login, LoginThrottle throttle) {
    this.login = login;
    this.throttle = throttle;
  }

  @GetMapping("/portal/login")
  String loginPage(@RequestParam(required = false) String next, HttpServletRequest request, Model model) {
    if (PortalAccount.of(request).isPresent()) {
      return "redirect:" + safeNext(next);
    }
    return page(model, request, "", safeNext(next), null);
  }

  @PostMapping("/portal/login")
  String logIn(@RequestParam(required = false) String username, @RequestParam(required = false) String password,
      @RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response,
      Model model) {
    String address = request.getRemoteAddr();
    String userId = username == null ? "" : username.strip();
    if (throttle.blocked(address)) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      return page(model, request, userId, safeNext(next),
          "登录失败次数过多，请" + LoginThrottle.WINDOW.toMinutes() + "分钟后再试。");
    }
    var account = login.authenticate(userId, password);
    if (account.isEmpty()) {
      throttle.failed(address, userId);
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      return page(model, request, userId, safeNext(next), FAILED);
    }
    throttle.succeeded(address, userId);
    // a new session id at login: an id planted in the browser before the login is worth nothing after it
    request.changeSessionId();
    HttpSession session = request.getSession();
    session.setAttribute(PortalAccount.SESSION_ATTRIBUTE, account.get());
    CsrfTokens.renew(session);
    return "redirect:" + safeNext(next);
  }

  @PostMapping("/portal/logout")
  String logOut(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    return "redirect:/portal";
  }

  private static String page(Model model, HttpServletRequest request, String userId, String next, String error) {
    model.addAttribute("username", userId.length() > OrganisationLogin.MAX_USER_ID
        ? userId.substring(0, OrganisationLogin.MAX_USER_ID) : userId);
    model.addAttribute("next", next);
    model.addAttribute("error", error);
    model.addAttribute(CsrfTokens.MODEL_ATTRIBUTE, CsrfTokens.tokenOf(request.getSession()));
    return "portal/login";
  }

  static String safeNext(String next) {
    return next != null && NEXT.matcher(next).matches() ? next : AREA;
  }
}
