package org.publicservice.procurement.portal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the servlet's limits fails before any controller is chosen, so the portal's own refusals
 * ({@link PortalErrors}) never see it: this answers it with the same Chinese page, nothing stored.
 */
@ControllerAdvice
class UploadTooLarge {

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ModelAndView tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
    var page = new ModelAndView("portal/error");
    page.setStatus(HttpStatus.PAYLOAD_TOO_LARGE);
    page.addObject("status", HttpStatus.PAYLOAD_TOO_LARGE.value());
    page.addObject("heading", "文件过大");
    page.addObject("message", "投标未提交：上传的文件超过大小限制（每个文件不超过10MB，每份投标合计不超过50MB）。"
        + "请压缩或拆分后重新提交。");
    PortalModel.addAccount(page.getModel(), request);
    return page;
  }
}
