package org.publicservice.procurement.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.publicservice.procurement.identity.Groups;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the web server does before any page or API sees a request: security headers on every answer of the
 * application's own pages (the Camunda webapps send their own), the per-address login throttle for the REST API and
 * the webapps' login, sane request bodies for the REST API (size, not empty, valid UTF-8, no Java serialization),
 * and the demo mail page only for the machine itself or an administrator.
 */
@Configuration
public class WebSurface {

  /** The REST API's largest body: a deployment of models and forms. */
  static final long MAX_DEPLOYMENT_BYTES = 10L * 1024 * 1024;
  /** Any other REST body: a form's JSON is a few kilobytes. */
  static final long MAX_REST_BYTES = 1024L * 1024;
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
      + "base-uri 'self'; object-src 'none'";

  @Bean
  FilterRegistrationBean<SecurityHeaders> securityHeaders() {
    var registration = new FilterRegistrationBean<>(new SecurityHeaders());
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<EngineLogins> engineLogins(LoginThrottle throttle) {
    var registration = new FilterRegistrationBean<>(new EngineLogins(throttle));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/admin/auth/user/*", "/dev/*");
    // before the REST API's basic authentication (identity/RestAuthentication)
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RestBodies> restBodies() {
    var registration = new FilterRegistrationBean<>(new RestBodies());
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  FilterRegistrationBean<DevMailAccess> devMailAccess(IdentityService identity) {
    var registration = new FilterRegistrationBean<>(new DevMailAccess(identity));
    registration.addUrlPatterns("/dev/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  /**
   * No page of the application may be framed (clickjacking of the bid form), no answer sniffed as another type, no
   * address of a page leaked to other sites, and pages run only the portal's own files (the portal has no inline
   * script or style). Behind HTTPS, browsers are told to keep to HTTPS.
   */
  static final class SecurityHeaders extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      response.setHeader("X-Content-Type-Options", "nosniff");
      if (!request.getRequestURI().startsWith(request.getContextPath() + "/camunda/")) {
        // Tasklist, Cockpit and Admin send their own policy (camunda.bpm.webapp.header-security)
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
      }
      if (request.isSecure()) {
        response.setHeader("Strict-Transport-Security", "max-age=31536000");
      }
      chain.doFilter(request, response);
    }
  }

  /** User and password of an HTTP basic Authorization header ({"", ""} when unreadable), or null without one. */
  static String[] basicCredentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String credentials = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = credentials.indexOf(':');
      return colon < 0 ? new String[] {credentials, ""}
          : new String[] {credentials.substring(0, colon), credentials.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return new String[] {"", ""};
    }
  }

  /** The per-address throttle ({@link LoginThrottle}) for the REST API and the webapps' login form. */
  static final class EngineLogins extends OncePerRequestFilter {
    private final LoginThrottle throttle;

    EngineLogins(LoginThrottle throttle) {
      this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String account = account(request);
      if (account == null) {
        chain.doFilter(request, response);
        return;
      }
      String address = request.getRemoteAddr();
      if (throttle.blocked(address)) {
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(throttle.minutesToWait(address) * 60));
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"type\":\"TooManyFailedLogins\",\"message\":\"登录失败次数过多，请"
            + throttle.minutesToWait(address) + "分钟后再试。\"}");
        return;
      }
      chain.doFilter(request, response);
      if (response.getStatus() == 401) {
        throttle.failed(address, account);
      } else if (response.getStatus() < 400) {
        throttle.succeeded(address, account);
      }
    }

    /** The account a request logs in with, or null when it tries no login. */
    private static String account(HttpServletRequest request) {
      String[] credentials = basicCredentials(request.getHeader("Authorization"));
      if (credentials != null) {
        return credentials[0];
      }
      if ("POST".equals(request.getMethod()) && request.getRequestURI().contains("/login/")) {
        String user = request.getParameter("username");
        return user == null ? "" : user;
      }
      return null;
    }
  }

  /**
   * REST bodies that would otherwise reach the engine as a 500 or as junk: too large (413), empty where a body is
   * expected, not UTF-8, or a serialized Java object (400), each with a Chinese message.
   */
  static final class RestBodies extends OncePerRequestFilter {
    /** Calls that act on what their body says (an empty one answered 500 before). */
    private static final java.util.regex.Pattern NEEDS_BODY = java.util.regex.Pattern.compile(
        "/(complete|submit-form|resolve|claim|assignee|delegate|start|variables|localVariables|message|signal"
        + "|create|bpmnError|bpmnEscalation|modification)$");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String method = request.getMethod();
      if (!"POST".equals(method) && !"PUT".equals(method)) {
        chain.doFilter(request, response);
        return;
      }
      String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
      boolean deployment = request.getRequestURI().endsWith("/deployment/create");
      long limit = deployment ? MAX_DEPLOYMENT_BYTES : MAX_REST_BYTES;
      if (request.getContentLengthLong() > limit) {
        refuse(response, 413, "请求内容过大（上限" + limit / 1024 / 1024 + "MB），未作任何更改。");
        return;
      }
      if (type.contains("java-serialized-object")) {
        refuse(response, 400, "不接受序列化的Java对象，未作任何更改。");
        return;
      }
      if (!type.startsWith("application/json")) {
        chain.doFilter(request, response);
        return;
      }
      byte[] body = request.getInputStream().readNBytes((int) limit + 1);
      if (body.length > limit) {
        refuse(response, 413, "请求内容过大（上限" + limit / 1024 / 1024 + "MB），未作任何更改。");
        return;
      }
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
      } catch (CharacterCodingException e) {
        refuse(response, 400, "请求内容不是有效的UTF-8编码，未作任何更改。");
        return;
      }
      if (text.isBlank() && NEEDS_BODY.matcher(request.getRequestURI()).find()) {
        refuse(response, 400, "请求内容为空：请以JSON提交，未作任何更改。");
        return;
      }
      if (text.contains("application/x-java-serialized-object")) {
        refuse(response, 400, "不接受序列化的Java对象，未作任何更改。");
        return;
      }
      chain.doFilter(new CachedBody(request, body), response);
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
      response.setStatus(status);
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("{\"type\":\"InvalidRequestException\",\"message\":\"" + message + "\"}");
    }
  }

  /** A request whose body was read once and is offered again. */
  static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }

  /**
   * The demo mail page shows who bid and who was mailed what: only the machine itself (the demo listens on
   * 127.0.0.1) or an administrator with HTTP basic authentication may read it.
   */
  static final class DevMailAccess extends OncePerRequestFilter {
    private final IdentityService identity;

    DevMailAccess(IdentityService identity) {
      this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (loopback(request.getRemoteAddr()) || administrator(request.getHeader("Authorization"))) {
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
        return;
      }
      response.setStatus(401);
      response.setHeader("WWW-Authenticate", "Basic realm=\"dev-mail\", charset=\"UTF-8\"");
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write("演示邮件页面仅限本机或系统管理员访问。");
    }

    private boolean administrator(String header) {
      String[] credentials = basicCredentials(header);
      return credentials != null && !credentials[0].isEmpty()
          && identity.checkPassword(credentials[0], credentials[1])
          && identity.createUserQuery().userId(credentials[0]).memberOfGroup(Groups.ADMIN).count() > 0;
    }

    private static boolean loopback(String address) {
      try {
        return InetAddress.getByName(address).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
  }
}
