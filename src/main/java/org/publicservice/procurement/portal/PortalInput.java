package org.publicservice.procurement.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * What a portal form may send, checked before the CSRF token and any handler: at most {@value #MAX_BYTES} bytes (a
 * larger post used to lose its fields and be refused as "页面已过期"), and text without control characters or
 * broken encoding (the browser's bytes that are not UTF-8 arrive as U+FFFD and would be stored as junk).
 */
final class PortalInput implements HandlerInterceptor {

  static final long MAX_BYTES = 1024L * 1024;
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");
  /** Tomcat marks a request whose form could not be read (too large, broken). */
  private static final String PARSE_FAILED = "org.apache.catalina.parameter_parse_failed";

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
      return true;
    }
    if (request.getContentLengthLong() > MAX_BYTES) {
      throw tooLarge();
    }
    Map<String, String[]> parameters = request.getParameterMap();
    if (request.getAttribute(PARSE_FAILED) != null) {
      throw tooLarge();
    }
    for (String[] values : parameters.values()) {
      for (String value : values) {
        if (value.indexOf('\uFFFD') >= 0) {
          throw PortalRequestException.badRequest("提交的内容含有无法识别的字符（编码错误），内容未被保存。请重新输入后再提交。");
        }
        if (CONTROL.matcher(value).find()) {
          throw PortalRequestException.badRequest("提交的内容含有不允许的控制字符，内容未被保存。");
        }
      }
    }
    return true;
  }

  private static PortalRequestException tooLarge() {
    return new PortalRequestException(HttpStatus.PAYLOAD_TOO_LARGE,
        "提交的内容过大（上限" + MAX_BYTES / 1024 / 1024 + "MB），内容未被保存。请精简后再提交。");
  }
}
