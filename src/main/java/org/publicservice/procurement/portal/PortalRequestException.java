package org.publicservice.procurement.portal;

import org.springframework.http.HttpStatus;

/** A portal request that cannot be answered: the message is Chinese and shown to the reader as it is. */
public class PortalRequestException extends RuntimeException {

  private final HttpStatus status;

  public PortalRequestException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public static PortalRequestException badRequest(String message) {
    return new PortalRequestException(HttpStatus.BAD_REQUEST, message);
  }

  public static PortalRequestException notFound(String message) {
    return new PortalRequestException(HttpStatus.NOT_FOUND, message);
  }

  HttpStatus status() {
    return status;
  }
}
