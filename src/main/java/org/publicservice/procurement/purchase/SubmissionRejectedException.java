package org.publicservice.procurement.purchase;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A user's submission that breaks a rule, with the message (in Chinese) the user reads in Tasklist.
 *
 * <p>It extends {@link FormFieldValidationException} because Camunda's REST API answers that type with
 * 400 instead of 500, and it is thrown before anything is saved: the engine rolls the whole command back.
 */
public class SubmissionRejectedException extends FormFieldValidationException {

  private static final long serialVersionUID = 1L;

  public SubmissionRejectedException(String field, String message) {
    super(field, message);
  }

  /** The form field (variable name) the message is about, or {@code null} when it concerns the whole form. */
  public String getField() {
    return getDetail();
  }
}
