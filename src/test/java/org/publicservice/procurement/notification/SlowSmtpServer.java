package org.publicservice.procurement.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A small SMTP server for the tests that takes its time: after each message's data it waits {@code delay} before it
 * answers "250", as a loaded or distant mail server does. It keeps the Message-ID of every message it accepted, in
 * order, so a test can count duplicates. Listens on 127.0.0.1 on a free port (or the port given).
 */
public final class SlowSmtpServer implements AutoCloseable {

  private final ServerSocket socket;
  private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "slow-smtp");
    thread.setDaemon(true);
    return thread;
  });
  private final List<String> messageIds = new ArrayList<>();
  private final CountDownLatch dataReceived = new CountDownLatch(1);
  private volatile Duration delay;

  private SlowSmtpServer(ServerSocket socket, Duration delay) {
    this.socket = socket;
    this.delay = delay;
  }

  public static SlowSmtpServer start(Duration delay) throws IOException {
    return start(0, delay);
  }

  public static SlowSmtpServer start(int port, Duration delay) throws IOException {
    SlowSmtpServer server = new SlowSmtpServer(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()), delay);
    server.connections.execute(server::accept);
    return server;
  }

  public int port() {
    return socket.getLocalPort();
  }

  public void delay(Duration newDelay) {
    this.delay = newDelay;
  }

  /** The Message-IDs of the accepted messages, in the order accepted (a message sent twice is listed twice). */
  public List<String> messageIds() {
    synchronized (messageIds) {
      return List.copyOf(messageIds);
    }
  }

  /** Waits until a client has handed over a message's data (the server is then taking its time to answer). */
  public boolean awaitDataReceived(Duration timeout) throws InterruptedException {
    return dataReceived.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws IOException {
    socket.close();
    connections.shutdownNow();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        connections.execute(() -> converse(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void converse(Socket client) {
    try (client;
        var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = client.getOutputStream()) {
      reply(out, "220 slow-smtp ESMTP");
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
        switch (command) {
          case "EHLO", "HELO" -> reply(out, "250 slow-smtp");
          case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          case "DATA" -> {
            reply(out, "354 end with <CRLF>.<CRLF>");
            String messageId = readData(in);
            if (messageId == null) {
              // the client went away before the message's end: nothing was accepted
              return;
            }
            dataReceived.countDown();
            Thread.sleep(delay.toMillis());
            synchronized (messageIds) {
              messageIds.add(messageId);
            }
            reply(out, "250 OK queued");
          }
          default -> reply(out, "502 not implemented");
        }
      }
    } catch (IOException | InterruptedException gone) {
      // the client or the test went away
    }
  }

  /**
   * Reads a message up to its ending "." and returns its Message-ID ("(none)" if it has none), or {@code null} when
   * the connection ended before the message did.
   */
  private static String readData(BufferedReader in) throws IOException {
    String messageId = null;
    boolean inHeaders = true;
    String line;
    while ((line = in.readLine()) != null) {
      if (line.equals(".")) {
        return messageId == null ? "(none)" : messageId;
      }
      if (line.isEmpty()) {
        inHeaders = false;
      } else if (inHeaders && messageId == null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
        messageId = line.substring(11).trim();
      }
    }
    return null;
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
