package org.publicservice.procurement.portal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The portal's refusals (400, 403, 404, 429): a Chinese page with the reason and a way back, never a stack trace.
 * It covers every controller of the portal, the public pages and the organisations' area alike.
 */
@ControllerAdvice(annotations = PortalPage.class)
class PortalErrors {

  @ExceptionHandler(PortalRequestException.class)
  ModelAndView refused(PortalRequestException e, HttpServletRequest request) {
    var page = new ModelAndView("portal/error");
    page.setStatus(e.status());
    page.addObject("status", e.status().value());
    page.addObject("heading", switch (e.status()) {
      case NOT_FOUND -> "页面不存在";
      case FORBIDDEN -> "无法提交";
      case TOO_MANY_REQUESTS -> "请稍后再试";
      case PAYLOAD_TOO_LARGE -> "内容过大";
      default -> "请求有误";
    });
    page.addObject("message", e.getMessage());
    PortalModel.addAccount(page.getModel(), request);
    return page;
  }
}
