package org.publicservice.procurement.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.publicservice.procurement.ProcurementSpringTest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * Base of the tests that use the web applications as an official would: the application runs on a random port
 * with the demo data (the shared test configuration), and Debian's headless Chromium drives Tasklist. Such tests are tagged {@code browser} and
 * named {@code *BrowserTest}; Maven runs them (failsafe, profile {@code browser-tests}) where
 * {@code /usr/bin/chromedriver} exists. A failing test leaves a screenshot and the page's HTML in
 * {@code target/browser-screenshots/}.
 */
@Tag("browser")
@ProcurementSpringTest
@ExtendWith(BrowserTest.ScreenshotOnFailure.class)
public abstract class BrowserTest {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  static final Path SCREENSHOTS = Paths.get("target", "browser-screenshots");
  /** Tasklist is an Angular application that loads its parts after the page: generous, the CI machine is slow. */
  static final Duration WAIT = Duration.ofSeconds(60);
  /** The desk of the browser a test starts with. */
  protected static final String FIRST_DESK = "first";

  @LocalServerPort
  protected int port;

  /** The password of every demo user (application-demo.yaml). */
  @Value("${procurement.demo.password}")
  protected String demoPassword;

  protected WebDriver driver;
  protected WebDriverWait wait;
  /** The browsers of the test by desk, the first one the test starts with; see {@link #atDesk}. */
  private final Map<String, WebDriver> desks = new LinkedHashMap<>();
  private final List<Path> profileDirs = new ArrayList<>();
  private String testName;

  @BeforeEach
  void startBrowser(TestInfo info) throws IOException {
    testName = info.getTestClass().map(Class::getSimpleName).orElse("test")
        + "-" + info.getTestMethod().map(m -> m.getName()).orElse("");
    driver = newBrowser();
    desks.put(FIRST_DESK, driver);
    wait = new WebDriverWait(driver, WAIT);
  }

  private WebDriver newBrowser() throws IOException {
    Path profileDir = Files.createTempDirectory("chromium-profile-");
    profileDirs.add(profileDir);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=" + browserLanguage(),
        "--user-data-dir=" + profileDir.toAbsolutePath());
    // navigator.languages, from which Tasklist picks its language, follows this preference
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", browserLanguage()));
    ChromeDriverService.Builder builder = new ChromeDriverService.Builder()
        .usingDriverExecutable(Paths.get(CHROMEDRIVER).toFile())
        .usingAnyFreePort();
    if (browserTimeZone() != null) {
      // Chromium takes the time zone of its environment, as an official's browser takes the computer's
      builder.withEnvironment(Map.of("TZ", browserTimeZone()));
    }
    ChromeDriverService service = builder.build();
    return new ChromeDriver(service, options);
  }

  /**
   * Continues at another computer: each person of a procedure works at their own desk, stays logged in there and
   * is not logged out by the next person's work. The desk's browser starts on first use; {@link #FIRST_DESK} is the
   * one the test started with.
   */
  protected void atDesk(String desk) {
    driver = desks.computeIfAbsent(desk, name -> {
      try {
        return newBrowser();
      } catch (IOException e) {
        throw new IllegalStateException("cannot start a browser for " + name, e);
      }
    });
    wait = new WebDriverWait(driver, WAIT);
  }

  /** Whether the desk's browser has been started (and so its person has logged in there). */
  protected boolean hasDesk(String desk) {
    return desks.containsKey(desk);
  }

  @AfterEach
  void stopBrowser() throws IOException {
    for (WebDriver browser : desks.values()) {
      browser.quit();
    }
    desks.clear();
    for (Path profileDir : profileDirs) {
      FileSystemUtils.deleteRecursively(profileDir);
    }
  }

  /**
   * The language the browser asks for. English by default, so that the tests click Tasklist's English texts
   * ("Claim"); Tasklist shows Chinese, its default here, to a browser that asks for Chinese or any other language.
   */
  protected String browserLanguage() {
    return "en-US";
  }

  /** The time zone of the browser's computer; null for the machine's own (UTC on CI). */
  protected String browserTimeZone() {
    return null;
  }

  protected String url(String path) {
    return "http://localhost:" + port + path;
  }

  /**
   * Opens Tasklist in a browser that has not loaded it yet and waits for its login page: the first load of its
   * scripts into an empty browser cache is slow on a busy machine (minutes at a load of 8 per core); later pages come
   * from the cache.
   */
  protected void openTasklistFirstTime() {
    driver.get(url("/camunda/app/tasklist/default/"));
    By login = By.cssSelector("input[ng-model='username']");
    // a page whose scripts stalled keeps its spinner for ever (require.js waits without limit): reloaded, as a
    // person reloads it
    for (int attempt = 1; ; attempt++) {
      try {
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(ExpectedConditions.visibilityOfElementLocated(login));
        return;
      } catch (TimeoutException e) {
        if (attempt == 3) {
          throw e;
        }
        driver.navigate().refresh();
      }
    }
  }

  /** Opens Tasklist, logs in through its login form and waits until the task list is shown. */
  protected void logIntoTasklist(String userId, String password) {
    driver.get(url("/camunda/app/tasklist/default/"));
    WebElement username = waitVisible(By.cssSelector("input[ng-model='username']"));
    username.clear();
    username.sendKeys(userId);
    WebElement passwordInput = driver.findElement(By.cssSelector("input[ng-model='password']"));
    passwordInput.clear();
    passwordInput.sendKeys(password);
    click(driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")));
    waitVisible(By.cssSelector("[cam-tasks]"));
  }

  /** Logs out through the account menu, as the next user at the same desk would expect. */
  protected void logOut() {
    click(waitVisible(By.cssSelector("li.account .dropdown-toggle")));
    click(waitVisible(By.cssSelector("li.account .dropdown-menu li.logout a")));
    waitVisible(By.cssSelector("input[ng-model='username']"));
  }

  /**
   * Opens a task from the task list, as its user finds it: in the filter (我的任务 for tasks assigned to the user,
   * 本组待办 for the group's), the first card of that name. A task that arrived after the list was shown appears
   * when the user loads Tasklist again.
   */
  protected void openTaskIn(String filter, String taskName) {
    By cards = By.cssSelector("[cam-tasks] .tasks-list li");
    WebDriverWait glance = new WebDriverWait(driver, Duration.ofSeconds(5));
    waitUntil(d -> {
      click(waitVisibleWithText(By.cssSelector(".task-filter h4.name a"), filter));
      try {
        // found and clicked in one go: Tasklist re-renders the list while it refreshes it
        return glance.ignoring(StaleElementReferenceException.class)
            .ignoring(ElementClickInterceptedException.class).until(again -> {
              WebElement card = again.findElements(cards).stream()
                  .filter(e -> e.isDisplayed() && e.getText().contains(taskName)).findFirst().orElse(null);
              if (card == null) {
                return null;
              }
              card.click();
              return Boolean.TRUE;
            });
      } catch (TimeoutException e) {
        d.navigate().refresh();
        return null;
      }
    });
    waitVisible(By.cssSelector("[cam-tasklist-task] .fjs-form"));
  }

  /** Claims the open group task (本组待办), so that its form can be filled. */
  protected void claimTask() {
    click(waitClickable(By.cssSelector("button[ng-click='claim()']")));
    waitGone(By.cssSelector("button[ng-click='claim()']"));
  }

  /**
   * Completes the open task once its form is valid; {@code what} names it in the failure. A refusal Tasklist shows
   * (the engine's, say, when a timer of the same process fired in the same instant) is read, closed and the task
   * completed again, as its user would; a refusal that stays fails the test with its text.
   */
  protected void completeTask(String what) {
    By completeButton = By.cssSelector("button[ng-click='complete()']");
    By refusal = By.cssSelector(".page-notifications .alert-danger");
    String refused = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      assertBecomesEnabled(completeButton, "Complete of " + what);
      closeNotifications();
      click(driver.findElement(completeButton));
      refused = waitUntil(d -> {
        if (d.findElements(completeButton).stream().noneMatch(WebElement::isDisplayed)) {
          return "";
        }
        return d.findElements(refusal).stream().filter(WebElement::isDisplayed).map(WebElement::getText)
            .findFirst().orElse(null);
      });
      if (refused.isEmpty()) {
        return;
      }
    }
    throw new AssertionError(what + " refused three times: " + refused);
  }

  /** Closes Tasklist's notices of earlier steps ("已提交，项目编号…"): they stay until closed and may cover a button. */
  private void closeNotifications() {
    for (WebElement close : driver.findElements(By.cssSelector(".page-notifications .close"))) {
      if (close.isDisplayed()) {
        close.click();
      }
    }
  }

  /** Logs into the portal as a supplier through its login page, as BidderPortalBrowserTest's organisation does. */
  protected void logIntoPortal(String userId, String password) {
    driver.get(url("/portal"));
    click(waitVisible(By.linkText("供应商登录")));
    waitVisible(By.id("username")).sendKeys(userId);
    driver.findElement(By.id("password")).sendKeys(password);
    click(driver.findElement(By.cssSelector("form.stacked button[type='submit']")));
    waitVisible(By.cssSelector(".account-name"));
  }

  /** Logs out of the portal through the header's 退出. */
  protected void logOutOfPortal() {
    click(waitVisible(By.cssSelector(".site-header .account button")));
    waitVisible(By.linkText("供应商登录"));
  }

  /** Types into a field of a portal page (plain HTML), by its id. */
  protected void typeIntoPage(String id, String text) {
    WebElement field = waitVisible(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  // Camunda Forms (form-js) render each field with the id "fjs-form-<random>-<field id of the form JSON>";
  // fields inside a dynamic list get "_<row>" appended.

  /** The input, textarea or hidden select input of a Camunda Forms field, by the field's id in the form JSON. */
  protected WebElement formField(String fieldId) {
    return waitVisibleOrHidden(By.cssSelector("[id$='-" + fieldId + "']"));
  }

  protected void typeInto(String fieldId, String text) {
    WebElement input = formField(fieldId);
    click(input);
    input.clear();
    // form-js may render the old value back after clear(); removing it as a user does leaves nothing to append to
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(text);
  }

  /** Picks an option of a select field (a custom dropdown, not an HTML select) by its Chinese label. */
  protected void choose(String fieldId, String optionLabel) {
    chooseWhere(fieldId, optionLabel::equals);
  }

  /** Picks the option whose label starts so (labels that carry figures: "第1名 南通阳光养老服务中心（…）"). */
  protected void chooseStartingWith(String fieldId, String labelStart) {
    chooseWhere(fieldId, label -> label.startsWith(labelStart));
  }

  private void chooseWhere(String fieldId, java.util.function.Predicate<String> label) {
    WebElement field = formField(fieldId)
        .findElement(By.xpath("./ancestor::div[contains(concat(' ', @class, ' '), ' fjs-form-field ')][1]"));
    click(field.findElement(By.cssSelector(".fjs-select-display")));
    WebElement option = waitUntil(d -> field.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .filter(item -> label.test(item.getText().trim())).findFirst().orElse(null));
    String chosen = option.getText().trim();
    click(option);
    waitUntil(d -> field.findElement(By.cssSelector(".fjs-select-display")).getText().contains(chosen));
  }

  /**
   * Fills the fields (id, text), then waits until the form has settled with all of them kept, typing again what a
   * re-render dropped: on a busy machine a debounced input can be overtaken by the next field's re-render.
   */
  protected void fillAll(String[][] fields) {
    for (String[] field : fields) {
      fillField(field[0], field[1]);
    }
    // kept on two looks in a row, half a second apart (the wait's polling): form-js re-renders some 300 ms late
    boolean[] keptBefore = {false};
    waitUntil(d -> {
      boolean kept = true;
      for (String[] field : fields) {
        if (!field[1].equals(formField(field[0]).getAttribute("value"))) {
          kept = false;
          typeInto(field[0], field[1]);
        }
      }
      boolean settled = kept && keptBefore[0];
      keptBefore[0] = kept;
      return settled ? Boolean.TRUE : null;
    });
  }

  /** Types into a form field and waits until the form holds the text (Camunda Forms re-render while validating). */
  protected void fillField(String fieldId, String text) {
    for (int attempt = 0; attempt < 3; attempt++) {
      typeInto(fieldId, text);
      try {
        waitUntil(d -> text.equals(formField(fieldId).getAttribute("value")) ? Boolean.TRUE : null);
        return;
      } catch (TimeoutException e) {
        // typed while the field was replaced: type again
      }
    }
    throw new AssertionError("field " + fieldId + " does not keep " + text);
  }

  /** Types a date into a date field as a Chinese official writes it (2027-01-01; scripts/form-dates.js). */
  protected void typeDate(String fieldId, LocalDate date) {
    typeDate(fieldId, date.format(DateTimeFormatter.ISO_LOCAL_DATE));
  }

  /** Types any text into a date field and leaves it, as a person would. */
  protected void typeDate(String fieldId, String text) {
    WebElement input = formField(fieldId + "-date");
    click(input);
    input.clear();
    input.sendKeys(text, Keys.TAB);
  }

  /** Checks a radio button or checkbox option by its label. */
  protected void check(String fieldId, String optionLabel) {
    WebElement field = formField(fieldId + "-0")
        .findElement(By.xpath("./ancestor::div[contains(concat(' ', @class, ' '), ' fjs-form-field ')][1]"));
    click(field.findElements(By.cssSelector("label")).stream()
        .filter(label -> label.getText().trim().equals(optionLabel)).findFirst()
        .orElseThrow(() -> new AssertionError("no option " + optionLabel + " in " + fieldId)));
  }

  private WebElement waitVisibleOrHidden(By locator) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(locator));
  }

  protected WebElement waitVisible(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  protected WebElement waitClickable(By locator) {
    return wait.until(ExpectedConditions.elementToBeClickable(locator));
  }

  protected void waitText(By locator, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  protected void waitGone(By locator) {
    wait.until(ExpectedConditions.invisibilityOfElementLocated(locator));
  }

  /** Fails with {@code what} unless the element (a button) becomes enabled, as Tasklist does for a valid form. */
  protected void assertBecomesEnabled(By locator, String what) {
    try {
      waitUntil(d -> d.findElement(locator).isEnabled() ? Boolean.TRUE : null);
    } catch (TimeoutException e) {
      throw new AssertionError(what + ": still disabled after " + WAIT.toSeconds() + " s", e);
    }
  }

  /** Waits for a condition of the page, retrying when Angular replaced the element in between. */
  protected <T> T waitUntil(Function<WebDriver, T> condition) {
    return wait.ignoring(StaleElementReferenceException.class).until(condition);
  }

  /** The visible element among all that match, for lists that Angular re-renders. */
  protected WebElement waitVisibleWithText(By locator, String text) {
    return waitUntil(d -> {
      List<WebElement> found = d.findElements(locator);
      return found.stream().filter(e -> e.isDisplayed() && e.getText().contains(text)).findFirst().orElse(null);
    });
  }

  /**
   * Clicks as a person would once the page has settled: Tasklist and Camunda Forms keep laying out after an
   * element shows, so a click that lands on something moving in front of it is tried again until the wait ends.
   */
  protected void click(WebElement element) {
    wait.ignoring(ElementClickInterceptedException.class).until(d -> {
      ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
      WebElement clickable = ExpectedConditions.elementToBeClickable(element).apply(d);
      if (clickable == null) {
        return false;
      }
      clickable.click();
      return true;
    });
  }

  /** Saves what the browser shows as {@code target/browser-screenshots/<test>-<name>.png} and returns the file. */
  protected Path screenshot(String name) {
    return saveScreenshot(driver, testName + "-" + name);
  }

  static Path saveScreenshot(WebDriver driver, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path png = SCREENSHOTS.resolve(name + ".png");
      Files.write(png, ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
      Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
      return png;
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot save a screenshot of " + name, e);
    }
  }

  /** Runs after the test method and before {@code @AfterEach} closes the browser. */
  static final class ScreenshotOnFailure implements AfterTestExecutionCallback {
    @Override
    public void afterTestExecution(ExtensionContext context) {
      if (context.getExecutionException().isEmpty()) {
        return;
      }
      Object test = context.getRequiredTestInstance();
      if (test instanceof BrowserTest browserTest && browserTest.driver != null) {
        try {
          Path png = browserTest.screenshot("failure");
          System.err.println("Browser test failed; screenshot: " + png.toAbsolutePath());
        } catch (IllegalStateException e) {
          context.getExecutionException().get().addSuppressed(e);
        }
      }
    }
  }
}
