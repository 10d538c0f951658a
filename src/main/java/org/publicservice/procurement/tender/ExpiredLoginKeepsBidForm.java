package org.publicservice.procurement.tender;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.publicservice.procurement.portal.PortalAccount;
import org.publicservice.procurement.portal.PortalRequestException;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A bid or draft sent after the organisation's login expired is not lost: when the form's signed token
 * ({@link BidFormTokens}) names the organisation it was shown to, what it typed is kept as that organisation's
 * sealed draft and the browser goes to the login, which leads back to the bid page with the draft in the form.
 * Nothing is submitted and nobody else sees it. Without a valid token the portal's guards refuse the post as
 * before (CSRF token, login). Runs after the size and encoding checks and before the CSRF check.
 */
@Configuration
class ExpiredLoginKeepsBidForm implements HandlerInterceptor, WebMvcConfigurer {

  private static final Pattern BID_POST = Pattern.compile("/portal/bidder/tenders/([A-Za-z0-9-]{1,32})/(bid|draft)");

  private final BidBox bidBox;
  private final BidFormTokens tokens;

  ExpiredLoginKeepsBidForm(BidBox bidBox, BidFormTokens tokens) {
    this.bidBox = bidBox;
    this.tokens = tokens;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/portal/bidder/tenders/*/bid", "/portal/bidder/tenders/*/draft")
        .order(-1);
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws Exception {
    if (!"POST".equals(request.getMethod()) || PortalAccount.of(request).isPresent()) {
      return true;
    }
    Matcher path = BID_POST.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    if (!path.matches()) {
      return true;
    }
    String projectNumber = path.group(1);
    var owner = tokens.owner(projectNumber, request.getParameter("formToken"));
    if (owner.isEmpty()) {
      return true;
    }
    BidForm typed = BidForm.sent(request.getParameter("price"), request.getParameter("servicePlan"),
        request.getParameter("team"), request.getParameter("qualifications"), request.getParameter("smeDeclaration"),
        request.getParameter("bondForm"), request.getParameter("bondReference"));
    if (!typed.isEmpty()) {
      try {
        bidBox.saveDraft(projectNumber, owner.get(), typed);
      } catch (SubmissionRejectedException e) {
        throw new PortalRequestException(HttpStatus.FORBIDDEN, "登录已超时，填写的内容无法保存：" + e.getMessage());
      }
    }
    String login = UriComponentsBuilder.fromPath("/portal/login")
        .queryParam("next", "/portal/bidder/tenders/" + projectNumber).queryParam("kept", typed.isEmpty() ? 0 : 1)
        .encode().build().toUriString();
    response.setStatus(HttpStatus.SEE_OTHER.value());
    response.setHeader("Location", request.getContextPath() + login);
    return false;
  }
}
