package org.publicservice.procurement.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.publicservice.procurement.browser.BrowserTest;
import org.publicservice.procurement.purchase.ProcurementTime;

/**
 * The portal's pages under their own content security policy, in Chromium: the policy arrives with each page, the
 * stylesheet it allows is applied, the charts are drawn, and no page relies on what the policy forbids (inline
 * scripts, inline styles, event handler attributes), so nothing is silently blocked.
 */
class PortalPolicyBrowserTest extends BrowserTest {

  @Test
  void everyPortalPageWorksUnderItsContentSecurityPolicy() {
    for (String page : List.of("/portal", "/portal/notices", "/portal/projects", "/portal/organisations",
        "/portal/ratings", "/portal/login", "/portal/statistics?year=" + ProcurementTime.today().getYear())) {
      driver.get(url(page));
      waitVisible(By.tagName("main"));
      JavascriptExecutor js = (JavascriptExecutor) driver;

      Object policy = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
          + "fetch(location.href).then(r => done(r.headers.get('content-security-policy')));");
      assertThat((String) policy).as(page).contains("script-src 'self'", "style-src 'self'",
          "frame-ancestors 'none'");
      Object rules = js.executeScript("let n = 0; for (const s of document.styleSheets) {"
          + " try { n += s.cssRules.length; } catch (e) {} } return n;");
      assertThat(((Number) rules).intValue()).as(page + ": the portal's stylesheet is applied").isPositive();
      Object forbidden = js.executeScript("return document.querySelectorAll('script:not([src]), style, [style],"
          + " [onclick], [onload], [onsubmit], [onchange], [href^=\"javascript:\"]').length;");
      assertThat(((Number) forbidden).intValue()).as(page + ": nothing the policy would block").isZero();
    }
    // the statistics are server-drawn SVG, allowed by the policy and drawn on the screen
    Object width = ((JavascriptExecutor) driver).executeScript(
        "const svg = document.querySelector('svg'); return svg ? svg.getBoundingClientRect().width : 0;");
    assertThat(((Number) width).doubleValue()).isGreaterThan(100);
    screenshot("statistics-under-policy");
  }
}
