package org.publicservice.procurement.portal;

import org.springframework.http.HttpStatus;

/** A portal request that cannot be answered: the message is Chinese and shown to the reader as it is. */
class PortalRequestException extends RuntimeException {

  private final HttpStatus status;

  PortalRequestException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  static PortalRequestException badRequest(String message) {
    return new PortalRequestException(HttpStatus.BAD_REQUEST, message);
  }

  static PortalRequestException notFound(String message) {
    return new PortalRequestException(HttpStatus.NOT_FOUND, message);
  }

  HttpStatus status() {
    return status;
  }
}
