package org.publicservice.procurement.portal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** The portal's 400 and 404 answers: a Chinese page with the reason and a way back, never a stack trace. */
@ControllerAdvice(assignableTypes = {PortalController.class, PortalFiguresController.class})
class PortalErrors {

  @ExceptionHandler(PortalRequestException.class)
  ModelAndView refused(PortalRequestException e) {
    var page = new ModelAndView("portal/error");
    page.setStatus(e.status());
    page.addObject("status", e.status().value());
    page.addObject("heading", e.status() == HttpStatus.NOT_FOUND ? "页面不存在" : "请求有误");
    page.addObject("message", e.getMessage());
    return page;
  }
}
