package org.publicservice.procurement.purchase;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * The engine logs every failed command as an error with its stack trace. A refused form submission is the user's
 * mistake, already shown to the user, so it must not look like a fault in the logs that operators watch.
 */
public class RejectedSubmissionLogFilter extends TurboFilter {

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level == null || !level.isGreaterOrEqual(Level.WARN) || !logger.getName().startsWith("org.camunda")) {
      return FilterReply.NEUTRAL;
    }
    Throwable thrown = t;
    if (thrown == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
      thrown = last;
    }
    return thrown != null && RejectedSubmissionUnwrapping.find(thrown) != null ? FilterReply.DENY : FilterReply.NEUTRAL;
  }
}
