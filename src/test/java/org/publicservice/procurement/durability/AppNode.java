package org.publicservice.procurement.durability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application (target/procurement-*.jar) run as a JVM of its own, as an operator runs it: the demo
 * profile (its users) with the given extra settings, its output in a log file. {@link #kill()} is a SIGKILL: no
 * shutdown hook, no flush, exactly what a crash of the machine's process is.
 */
final class AppNode {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final String name;
  final int port;
  final Path log;
  private final Path workingDirectory;
  private final List<String> settings;
  private Process process;
  private int runs;

  AppNode(String name, Path workingDirectory, Path logDirectory, List<String> settings) throws IOException {
    this.name = name;
    this.port = freePort();
    this.workingDirectory = workingDirectory;
    this.log = logDirectory.resolve(name + ".log");
    this.settings = settings;
    Files.createDirectories(workingDirectory);
    Files.createDirectories(logDirectory);
  }

  /**
   * The jar `mvn package` built (the crash tests run in the integration-test phase, after it); the benchmark may
   * name another with {@code -Dbench.jar=...} to compare builds.
   */
  static Path jar() throws IOException {
    if (System.getProperty("bench.jar") != null) {
      return Path.of(System.getProperty("bench.jar")).toAbsolutePath();
    }
    try (var files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("procurement-.*\\.jar"))
          .filter(p -> !p.getFileName().toString().endsWith("-plain.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no application jar in target/: run `mvn package` first"))
          .toAbsolutePath();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  void start() throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-jar", jar().toString(), "--spring.profiles.active=demo", "--server.port=" + port,
        "--procurement.node-name=" + name, "--procurement.mail.demo-server.port=0",
        "--spring.main.banner-mode=off"));
    command.addAll(settings);
    runs++;
    Files.writeString(log, "=== run " + runs + " " + Instant.now() + "\n", StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
  }

  /** Waits until the node says it is ready to take traffic. */
  void awaitReady(Duration timeout) throws Exception {
    Instant until = Instant.now().plus(timeout);
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("node " + name + " died while starting; see " + log);
      }
      if (status("/actuator/health/readiness") == 200) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("node " + name + " not ready after " + timeout + "; see " + log);
  }

  /** HTTP status of a GET on the node, or -1 when it does not answer. */
  int status(String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(15)).GET()
          .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** SIGKILL: the JVM gets no chance to run a shutdown hook or write anything. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM: Spring's graceful stop. */
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("node " + name + " did not stop within 60 s; see " + log);
      }
    }
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** The log lines of the last run. */
  List<String> lastRunLog() throws IOException {
    List<String> lines = Files.readAllLines(log);
    int start = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("=== run ")) {
        start = i;
      }
    }
    return lines.subList(start, lines.size());
  }
}
