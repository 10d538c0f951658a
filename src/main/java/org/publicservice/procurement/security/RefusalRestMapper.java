package org.publicservice.procurement.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.glassfish.jersey.server.ResourceConfig;
import org.publicservice.procurement.purchase.RejectedSubmissionRestMapper;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * A refusal that reaches the REST API unwrapped (the guards refuse before any resource could wrap it, e.g. a BPMN
 * error thrown from a task, a variable written beside a form or a deployment that is not vetted) is the user's
 * mistake: 400 with the Chinese message, as for a refused form. A designer's deployment held for approval is 202.
 */
@Priority(1)
public class RefusalRestMapper implements ExceptionMapper<SubmissionRejectedException> {

  @Override
  public Response toResponse(SubmissionRejectedException refusal) {
    if (refusal instanceof DeploymentProposedException proposed) {
      return Response.status(Response.Status.ACCEPTED)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", "DeploymentProposed", "message", proposed.getMessage(),
              "proposalId", proposed.getProposalId()))
          .build();
    }
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", SubmissionRejectedException.class.getSimpleName(),
            "message", refusal.getMessage(),
            "field", refusal.getField() == null ? "" : refusal.getField()))
        .build();
  }

  /** Something that is gone (variables of an ended instance): 404 with the Chinese message, not 500. */
  @Priority(1)
  public static class NotFound implements ExceptionMapper<NotFoundException> {
    @Override
    public Response toResponse(NotFoundException gone) {
      return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", "NotFoundException", "message", gone.getMessage())).build();
    }
  }

  /**
   * Some resources answer every engine exception with 400 "Not enough parameters submitted" (creating a comment):
   * a refusal of rights stays 403 with its message; everything else as for any refused call.
   */
  @Priority(1)
  public static class Invalid implements ExceptionMapper<InvalidRequestException> {
    @Override
    public Response toResponse(InvalidRequestException exception) {
      for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof AuthorizationException denied) {
          return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
              .entity(Map.of("type", "AuthorizationException", "message", denied.getMessage())).build();
        }
      }
      return new RejectedSubmissionRestMapper().toResponse(exception);
    }
  }

  @Component
  static class Registration implements ResourceConfigCustomizer {
    @Override
    public void customize(ResourceConfig config) {
      config.register(RefusalRestMapper.class);
      config.register(NotFound.class);
      config.register(Invalid.class);
    }
  }
}
