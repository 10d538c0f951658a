package org.publicservice.procurement.security;

import org.publicservice.procurement.purchase.SubmissionRejectedException;

/**
 * A deployment refused because a model, decision or form does something not vetted. Like a refused form it is the
 * sender's mistake: the REST API (Desktop Modeler) answers 400 with the Chinese reason, and nothing is deployed.
 */
public class VettingException extends SubmissionRejectedException {

  private static final long serialVersionUID = 1L;

  public VettingException(String message) {
    super(null, "部署被拒绝：" + message);
  }
}
