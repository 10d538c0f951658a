package org.publicservice.procurement.purchase;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API answers a refused start ({@code POST /process-definition/.../start}) with 500, and prefixes
 * refused forms with a technical sentence. A user's mistake is a 400 whose message is the Chinese text alone, so
 * Tasklist and REST clients show the user exactly what to correct. Every other error keeps Camunda's answer.
 */
@Priority(1)
public class RejectedSubmissionRestMapper implements ExceptionMapper<RestException> {

  @Override
  public Response toResponse(RestException exception) {
    SubmissionRejectedException rejection = RejectedSubmissionUnwrapping.find(exception);
    if (rejection == null) {
      return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", SubmissionRejectedException.class.getSimpleName(),
            "message", rejection.getMessage(),
            "field", rejection.getField() == null ? "" : rejection.getField()))
        .build();
  }

  @Component
  static class Registration implements ResourceConfigCustomizer {
    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
      config.register(RejectedSubmissionRestMapper.class);
    }
  }
}
