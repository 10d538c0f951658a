package org.publicservice.procurement.purchase;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Camunda's REST API answers a refused start ({@code POST /process-definition/.../start}) with 500, and prefixes
 * refused forms with a technical sentence ("Cannot instantiate process definition …: "). A user's mistake is a 400
 * whose message is the Chinese text alone and whose {@code field} names the form field, so Tasklist shows the
 * message next to that field and REST clients show the user exactly what to correct. Every other error keeps
 * Camunda's answer.
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

  /**
   * Registers the mapper in every Jersey application of the process: the REST API under {@code /engine-rest} and
   * the engine API that Tasklist and Cockpit call under {@code /camunda/api/engine}, which the Camunda webapp
   * configures itself (its own servlet and application class, no Spring customizer reaches it). Jersey runs the
   * auto-discoverables listed in {@code META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable}
   * for each application it starts.
   */
  public static class Registration implements AutoDiscoverable {
    @Override
    public void configure(FeatureContext context) {
      if (!context.getConfiguration().isRegistered(RejectedSubmissionRestMapper.class)) {
        context.register(RejectedSubmissionRestMapper.class);
      }
    }
  }
}
