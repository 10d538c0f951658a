package org.publicservice.procurement.participation;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A resident's browser without the browser: keeps its session cookie, follows no redirect (so that tests see
 * the portal's answer itself), and fills the comment form of a project page as the page rendered it.
 */
public final class PortalVisitor {

  private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([0-9]+\\.[0-9a-f]+)\"");

  private final int port;
  private final HttpClient client;
  private String token;

  public PortalVisitor(int port) {
    this.port = port;
    this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  /** Opens the project page and keeps the form token it carries (none when the page shows no form). */
  public HttpResponse<String> openProject(String projectNumber) {
    HttpResponse<String> page = get("/portal/projects/" + projectNumber);
    Matcher m = TOKEN.matcher(page.body());
    token = m.find() ? m.group(1) : null;
    return page;
  }

  public String token() {
    return token;
  }

  /** Posts the comment form of the project with the token of the last page opened. */
  public HttpResponse<String> comment(String projectNumber, String name, String text, String email) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", token == null ? "" : token);
    form.put("website", "");
    form.put("text", text);
    form.put("name", name);
    form.put("email", email);
    return post("/portal/projects/" + projectNumber + "/comments", form);
  }

  public HttpResponse<String> post(String path, Map<String, String> form) {
    String body = form.entrySet().stream().filter(e -> e.getValue() != null)
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
