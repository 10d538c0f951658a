package org.publicservice.procurement.purchase;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The procedure's notion of "today": China Standard Time, read from the engine clock so that tests which move
 * the clock move every deadline with it.
 */
public final class ProcurementTime {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private ProcurementTime() {
  }

  public static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate();
  }
}
