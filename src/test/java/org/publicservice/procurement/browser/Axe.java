package org.publicservice.procurement.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (the accessibility rules engine) in the page the browser shows and returns its violations. The
 * script comes from the test class path (the axe-core Selenium artifact's bundled {@code axe.min.js}), never from
 * the network.
 */
public final class Axe {

  private static final String SOURCE = load();

  private Axe() {
  }

  /** Every violation of axe's default rules (WCAG 2.x A and AA, best practices) as "rule (impact): help — nodes". */
  @SuppressWarnings("unchecked")
  public static List<String> violations(WebDriver driver) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined';"))) {
      js.executeScript(SOURCE);
    }
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return (List<String>) js.executeAsyncScript("""
        var done = arguments[arguments.length - 1];
        axe.run(document).then(function (result) {
          if (result.passes.length === 0) { done(['axe checked nothing on this page']); return; }
          done(result.violations.map(function (v) {
            return v.id + ' (' + v.impact + '): ' + v.help + ' - '
                + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ');
          }));
        }, function (error) { done(['axe did not run: ' + error]); });""");
  }

  private static String load() {
    try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
