package org.publicservice.procurement;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One visitor's browser without the browser, for every portal test: keeps the session cookie, follows no redirect
 * (the tests look at where they lead) and sends forms the way an HTML form does (UTF-8, url-encoded), with the
 * token the page carries (the CSRF token of the organisations' area, the form token of a project's comment form).
 */
public final class PortalClient {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern COMMENT_TOKEN = Pattern.compile("name=\"token\" value=\"([0-9]+\\.[0-9a-f]+)\"");

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private String commentToken;

  public PortalClient(int port) {
    this.base = "http://localhost:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  public HttpResponse<String> post(String path, Map<String, String> form) {
    return post(path, List.copyOf(form.entrySet()));
  }

  /** Posts fields in this order; a name may repeat (several checked boxes of one name). */
  public HttpResponse<String> post(String path, List<Map.Entry<String, String>> form) {
    String body = form.stream().filter(e -> e.getValue() != null)
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  /** Opens the project page and keeps the comment form's token it carries (none when the page shows no form). */
  public HttpResponse<String> openProject(String projectNumber) {
    HttpResponse<String> page = get("/portal/projects/" + projectNumber);
    Matcher m = COMMENT_TOKEN.matcher(page.body());
    commentToken = m.find() ? m.group(1) : null;
    return page;
  }

  public String token() {
    return commentToken;
  }

  /** Posts the comment form of the project with the token of the last project page opened. */
  public HttpResponse<String> comment(String projectNumber, String name, String text, String email) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", commentToken == null ? "" : commentToken);
    form.put("website", "");
    form.put("text", text);
    form.put("name", name);
    form.put("email", email);
    return post("/portal/projects/" + projectNumber + "/comments", form);
  }

  /** Posts a form of {@code page} as the browser would: with the token the page carries. */
  public HttpResponse<String> submit(String page, String action, Map<String, String> fields) {
    String html = get(page).body();
    Map<String, String> form = new LinkedHashMap<>(fields);
    form.put("_csrf", csrfTokenIn(html));
    return post(action, form);
  }

  /** Opens the login page and logs in; returns the answer to the login form. */
  public HttpResponse<String> logIn(String userId, String password) {
    return submit("/portal/login", "/portal/login", Map.of("username", userId, "password", password));
  }

  /** A new browser on the portal at that port, logged in as the user (the login answers with a redirect). */
  public static PortalClient loggedIn(int port, String userId, String password) {
    PortalClient browser = new PortalClient(port);
    HttpResponse<String> login = browser.logIn(userId, password);
    if (login.statusCode() != 302) {
      throw new AssertionError("login of " + userId + " answered " + login.statusCode() + ":\n" + login.body());
    }
    return browser;
  }

  public static String csrfTokenIn(String html) {
    Matcher token = CSRF.matcher(html);
    if (!token.find()) {
      throw new AssertionError("no CSRF token in the page:\n" + html);
    }
    return token.group(1);
  }

  public Optional<String> sessionId() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
        .map(HttpCookie::getValue).findFirst();
  }

  /** Logs into a Camunda webapp in this browser, as its login page does (its own CSRF header, then the form). */
  public int logIntoWebapp(String userId, String password, String app) {
    HttpResponse<String> page = get("/camunda/app/" + app + "/default/");
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> cookies.getCookieStore().getCookies()
        .stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow());
    return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(userId, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
        .build()).statusCode();
  }

  /** Puts a cookie into this browser, as an attacker who planted a session id would. */
  public void useCookie(HttpCookie cookie) {
    cookies.getCookieStore().add(URI.create(base), cookie);
  }

  public static String location(HttpResponse<?> response) {
    String location = response.headers().firstValue("Location")
        .orElseThrow(() -> new AssertionError("no redirect: " + response.statusCode()));
    return URI.create(location).getRawPath()
        + (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
