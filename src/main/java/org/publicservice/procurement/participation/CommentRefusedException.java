package org.publicservice.procurement.participation;

/** A comment the portal does not accept; the message is Chinese and shown to the resident as it is. */
public class CommentRefusedException extends RuntimeException {

  /** Why, so that the portal answers with the fitting HTTP status. */
  public enum Reason { UNKNOWN_PROJECT, CLOSED, INVALID, TOO_MANY }

  private final Reason reason;

  public CommentRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
