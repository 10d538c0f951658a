package org.publicservice.procurement.portal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.ProcurementApplication;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark (not a test) of the portal's list paging and the open-data feed: starts the application on a free port
 * with the test settings (in-memory H2, or with {@code --postgres} an embedded PostgreSQL), publishes N notices into
 * the register over three years and 12 publishers, then requests each page kind repeatedly over HTTP and prints
 * median and 95th percentile latencies. Run:
 * <pre>
 * ./mvnw -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/bench.cp) \
 *   org.publicservice.procurement.portal.PortalBenchmark [--notices 5000] [--postgres]
 * </pre>
 */
public final class PortalBenchmark {

  private PortalBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int notices = 5000;
    boolean postgres = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--notices")) {
        notices = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--postgres")) {
        postgres = true;
      }
    }
    EmbeddedPostgres database = null;
    List<String> properties = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN",
        "--spring.main.banner-mode=off"));
    if (postgres) {
      database = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off").start();
      properties.add("--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"));
      properties.add("--spring.datasource.username=postgres");
    }
    ConfigurableApplicationContext app = new SpringApplicationBuilder(ProcurementApplication.class)
        .profiles("test").run(properties.toArray(String[]::new));
    try {
      run(app, notices, postgres);
    } finally {
      app.close();
      if (database != null) {
        database.close();
      }
    }
  }

  private static void run(ConfigurableApplicationContext app, int count, boolean postgres) throws Exception {
    DisclosureRegister register = app.getBean(DisclosureRegister.class);
    NoticeType[] types = NoticeType.values();
    long insertStart = System.nanoTime();
    ZonedDateTime first = ZonedDateTime.of(2024, 1, 2, 9, 0, 0, 0, ProcurementTime.ZONE);
    long minutesPerNotice = 3L * 365 * 24 * 60 / count;
    for (int i = 0; i < count; i++) {
      ClockUtil.setCurrentTime(Date.from(first.plusMinutes(i * minutesPerNotice).toInstant()));
      register.publish(String.format("NT-%d-%04d", 2024 + i * 3 / count, i % 9999 + 1), types[i % types.length],
          "南通市第" + (i % 12 + 1) + "区" + (i % 7 == 0 ? "养老" : "社区") + "服务公告" + i,
          "项目编号：NT-" + i + "\n服务内容：为辖区居民提供上门服务。\n".repeat(8), "南通市第" + (i % 12 + 1) + "区民政局",
          null);
    }
    ClockUtil.reset();
    double insertSeconds = (System.nanoTime() - insertStart) / 1e9;

    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    int lastPage = (count + 19) / 20;
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("list page 1", "/portal/notices");
    cases.put("list page " + lastPage / 2, "/portal/notices?page=" + lastPage / 2);
    cases.put("list page " + lastPage + " (last)", "/portal/notices?page=" + lastPage);
    cases.put("keyword 养老, page 1", "/portal/notices?q=" + enc("养老"));
    cases.put("keyword 养老, last page", "/portal/notices?q=" + enc("养老") + "&page=" + ((count / 7 + 19) / 20));
    cases.put("publisher + year + type", "/portal/notices?publisher=" + enc("南通市第3区民政局") + "&year=2025&type=TENDER_NOTICE");
    cases.put("home", "/portal");
    cases.put("notice page", "/portal/notices/1");
    cases.put("statistics, all years", "/portal/statistics");
    cases.put("statistics, 2025", "/portal/statistics?year=2025");
    cases.put("OCDS feed page 1 (100)", "/ocds/releases");

    HttpClient client = HttpClient.newHttpClient();
    System.out.printf("%s, %d notices inserted in %.1f s (%.2f ms each)%n", postgres ? "PostgreSQL 14 (embedded)"
        : "H2 in memory", count, insertSeconds, insertSeconds * 1000 / count);
    for (var entry : cases.entrySet()) {
      URI uri = URI.create("http://127.0.0.1:" + port + entry.getValue());
      for (int i = 0; i < 10; i++) {
        get(client, uri);
      }
      List<Double> ms = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        long start = System.nanoTime();
        get(client, uri);
        ms.add((System.nanoTime() - start) / 1e6);
      }
      ms.sort(null);
      System.out.printf("%-28s median %7.1f ms   p95 %7.1f ms%n", entry.getKey(), ms.get(ms.size() / 2),
          ms.get((int) Math.round(0.95 * (ms.size() - 1))));
    }
  }

  private static void get(HttpClient client, URI uri) throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(uri + " answered " + response.statusCode());
    }
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
