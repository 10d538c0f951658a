package org.publicservice.procurement.portal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The token of a comment form: the time the portal rendered the form and a signature over it and the project. A
 * comment is taken only with a token this portal issued for that project within the last hours, so another site
 * cannot post comments blindly, and reading the portal still needs no session or cookie. The signing key is
 * generated once and kept in the database, so that every node accepts every node's forms.
 */
@Component
public class CommentFormTokens {

  static final String SECRET_NAME = "comment-form";
  static final long MAX_AGE_SECONDS = 6 * 3600;
  /** Clocks of several nodes may differ a little. */
  static final long CLOCK_SKEW_SECONDS = 120;

  private final JdbcClient jdbc;
  private volatile SecretKeySpec key;

  public CommentFormTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public String issue(String projectNumber) {
    long now = ClockUtil.getCurrentTime().getTime() / 1000;
    return now + "." + signature(projectNumber, now);
  }

  public boolean isValid(String projectNumber, String token) {
    return isValid(projectNumber, token, MAX_AGE_SECONDS);
  }

  /** As {@link #isValid(String, String)}, for forms that stay open longer (a bid form: a day's typing). */
  public boolean isValid(String projectNumber, String token, long maxAgeSeconds) {
    if (token == null || !token.matches("[0-9]{1,12}\\.[0-9a-f]{64}")) {
      return false;
    }
    long issued = Long.parseLong(token.substring(0, token.indexOf('.')));
    long now = ClockUtil.getCurrentTime().getTime() / 1000;
    // in training mode the engine clock runs faster; the reader still has the real hours
    if (issued > now + ProcurementTime.forPeople(Duration.ofSeconds(CLOCK_SKEW_SECONDS)).toSeconds()
        || now - issued > ProcurementTime.forPeople(Duration.ofSeconds(maxAgeSeconds)).toSeconds()) {
      return false;
    }
    byte[] expected = signature(projectNumber, issued).getBytes(StandardCharsets.US_ASCII);
    byte[] given = token.substring(token.indexOf('.') + 1).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }

  private String signature(String projectNumber, long issued) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key());
      return HexFormat.of().formatHex(mac.doFinal((projectNumber + "|" + issued).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private SecretKeySpec key() {
    SecretKeySpec current = key;
    if (current == null) {
      current = new SecretKeySpec(HexFormat.of().parseHex(storedSecret()), "HmacSHA256");
      key = current;
    }
    return current;
  }

  /** The stored secret; the first node to need it creates it, a node that loses that race reads the winner's. */
  private String storedSecret() {
    var stored = jdbc.sql("SELECT secret_value FROM portal_secret WHERE secret_name = :name")
        .param("name", SECRET_NAME).query(String.class).optional();
    if (stored.isPresent()) {
      return stored.get();
    }
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    try {
      jdbc.sql("INSERT INTO portal_secret (secret_name, secret_value) VALUES (:name, :value)")
          .param("name", SECRET_NAME).param("value", HexFormat.of().formatHex(secret)).update();
      return HexFormat.of().formatHex(secret);
    } catch (DuplicateKeyException e) {
      return jdbc.sql("SELECT secret_value FROM portal_secret WHERE secret_name = :name")
          .param("name", SECRET_NAME).query(String.class).single();
    }
  }
}
