package org.publicservice.procurement.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The portal's guards, in this order: a posted form within the size limit and without control characters or broken
 * encoding ({@link PortalInput}); every unsafe request to a portal handler carries the session's CSRF token;
 * the organisations' area ({@code /portal/bidder/**}) needs the login of a social organisation. A reader who is not
 * logged in is sent to the login page and back; a form sent without a login is refused.
 */
@Configuration
class PortalSecurity implements WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    // size and encoding first: a post that lost its fields must not be refused as a missing token
    registry.addInterceptor(new PortalInput()).addPathPatterns("/portal", "/portal/**").order(-1);
    // residents act in nobody's name and reading the portal must not start a session: a comment carries a signed
    // form token of its own (CommentFormTokens), a rating a one-time code or a mailed confirmation code
    registry.addInterceptor(new CsrfTokens()).addPathPatterns("/portal", "/portal/**")
        .excludePathPatterns("/portal/projects/*/comments", "/portal/ratings/**").order(0);
    registry.addInterceptor(new OrganisationsOnly())
        .addPathPatterns(PortalLoginController.AREA, PortalLoginController.AREA + "/**").order(1);
  }

  static final class OrganisationsOnly implements HandlerInterceptor {
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
        throws Exception {
      if (PortalAccount.of(request).isPresent()) {
        // the area's pages are the organisation's own: no shared cache may keep them
        response.setHeader("Cache-Control", "no-store");
        return true;
      }
      if (!"GET".equals(request.getMethod())) {
        throw new PortalRequestException(HttpStatus.FORBIDDEN, "请先以供应商账号登录，内容未被保存。");
      }
      String login = UriComponentsBuilder.fromPath("/portal/login")
          .queryParam("next", PortalLoginController.safeNext(request.getRequestURI())).encode().build()
          .toUriString();
      response.sendRedirect(request.getContextPath() + login);
      return false;
    }
  }
}
