package org.publicservice.procurement.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session with Tasklist, Cockpit or Admin: the login form with its CSRF token, then the webapps' own
 * engine API ({@code /camunda/api/engine/...}) with the session cookie and the token, as the Angular apps call it.
 */
final class WebappSession {

  private final HttpClient client;
  private final String base;
  private final CookieManager cookies = new CookieManager();
  private String token;

  private WebappSession(int port) {
    this.base = "http://localhost:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** Logs into the app; the status of the login answer (200 when the password is right). */
  static WebappSession login(int port, String app, String user, String password) {
    WebappSession session = new WebappSession(port);
    session.status = session.logIn(app, user, password);
    return session;
  }

  int status;

  private int logIn(String app, String user, String password) {
    HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/"))
        .GET().build());
    refreshToken(page);
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> login = send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    refreshToken(login);
    return login.statusCode();
  }

  HttpResponse<String> get(String path) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Accept", "application/json").header("X-XSRF-TOKEN", token).GET().build());
    refreshToken(response);
    return response;
  }

  HttpResponse<String> post(String path, String json) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Accept", "application/json").header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    refreshToken(response);
    return response;
  }

  HttpResponse<String> put(String path, String json) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Accept", "application/json").header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", token).PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    refreshToken(response);
    return response;
  }

  private void refreshToken(HttpResponse<String> response) {
    token = response.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> cookies.getCookieStore().getCookies()
        .stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst()
        .orElse(token));
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
