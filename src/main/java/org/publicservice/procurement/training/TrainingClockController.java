package org.publicservice.procurement.training;

import java.util.LinkedHashMap;
import java.util.Map;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /training/clock}: what the banner of Tasklist, Cockpit, Admin and the portal shows
 * ({@code static/training/banner.js}): whether the training mode is on, the training clock's time and speed. Open to
 * anyone, like the banner itself: it tells nothing but the time.
 */
@RestController
class TrainingClockController {

  private final TrainingMode mode;

  TrainingClockController(TrainingMode mode) {
    this.mode = mode;
  }

  @GetMapping("/training/clock")
  ResponseEntity<Map<String, Object>> clock() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("enabled", mode.enabled());
    if (mode.enabled()) {
      body.put("now", ProcurementTime.now().toInstant().toEpochMilli());
      body.put("text", mode.clockText());
      body.put("speed", mode.speed());
      body.put("notice", mode.notice());
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }
}
