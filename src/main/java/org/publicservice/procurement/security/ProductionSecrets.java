package org.publicservice.procurement.security;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Production refuses to start with a secret anyone could know: the demo sealing key (public in the source), a
 * sealing key that is not 32 random bytes, a short or common administrator password, or an empty database
 * password. It names every problem at once, with the environment variable to set, before anything else starts
 * (an environment post-processor, so no half-started engine touches the database).
 */
public class ProductionSecrets implements EnvironmentPostProcessor, Ordered {

  /** The demo profile's sealing key (application-demo.yaml): public, so never a production key. */
  static final String DEMO_SEALING_KEY = "ZGVtby1vbmx5LWJpZC1zZWFsaW5nLWtleS0zMi1ieXQ=";
  static final int MIN_PASSWORD_LENGTH = 12;
  /** The passwords tried first by anyone guessing (and this project's own demo password). */
  static final Set<String> COMMON_PASSWORDS = Set.of("demo", "admin", "administrator", "password", "passw0rd",
      "password1", "password123", "123456", "12345678", "123456789", "1234567890", "123123", "111111", "000000",
      "qwerty", "qwerty123", "qwertyuiop", "abc123", "admin123", "admin@123", "root", "toor", "changeme", "welcome",
      "letmein", "iloveyou", "1q2w3e4r", "1qaz2wsx", "camunda", "procurement", "zaq12wsx", "a1b2c3d4", "p@ssw0rd",
      "p@ssword", "admin12345", "administrator1", "password12345", "qwerty123456", "123456789012");

  @Override
  public int getOrder() {
    // after application-prod.yaml and the environment have been read
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!List.of(environment.getActiveProfiles()).contains("prod")) {
      return;
    }
    List<String> problems = problems(environment.getProperty("procurement.bids.sealing-key", ""),
        environment.getProperty("procurement.admin.id", "admin"),
        environment.getProperty("procurement.admin.password", ""),
        environment.getProperty("spring.datasource.password", ""));
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The prod profile refuses to start:\n - " + String.join("\n - ", problems));
    }
  }

  static List<String> problems(String sealingKey, String adminId, String adminPassword, String databasePassword) {
    List<String> problems = new ArrayList<>();
    String key = sealingKey == null ? "" : sealingKey.strip();
    if (key.isEmpty()) {
      problems.add("PROCUREMENT_BID_SEALING_KEY is missing: set it to the output of `openssl rand -base64 32`.");
    } else if (DEMO_SEALING_KEY.equals(key)) {
      problems.add("PROCUREMENT_BID_SEALING_KEY is the public demo key: bids sealed with it are readable by anyone;"
          + " set a key of your own (`openssl rand -base64 32`).");
    } else if (!isKey(key)) {
      problems.add("PROCUREMENT_BID_SEALING_KEY is not base64 of 32 bytes: use `openssl rand -base64 32`.");
    }
    String password = adminPassword == null ? "" : adminPassword;
    if (password.isBlank()) {
      problems.add("PROCUREMENT_ADMIN_PASSWORD is missing: the administrator needs a password (no default is used).");
    } else if (password.length() < MIN_PASSWORD_LENGTH) {
      problems.add("PROCUREMENT_ADMIN_PASSWORD is too short: at least " + MIN_PASSWORD_LENGTH + " characters.");
    } else if (common(password) || password.equalsIgnoreCase(adminId) || password.chars().distinct().count() < 5) {
      problems.add("PROCUREMENT_ADMIN_PASSWORD is a common or guessable password: choose another.");
    }
    if (databasePassword == null || databasePassword.isBlank()) {
      problems.add("PROCUREMENT_DB_PASSWORD is missing: the database must not be open without a password.");
    }
    return problems;
  }

  /** A common password, also with digits or signs around it (Password1234, admin@2026!). */
  private static boolean common(String password) {
    String lower = password.toLowerCase(Locale.ROOT);
    String word = lower.replaceAll("^[^a-z]+", "").replaceAll("[^a-z]+$", "");
    return COMMON_PASSWORDS.contains(lower) || COMMON_PASSWORDS.contains(word) || lower.matches("[0-9]+");
  }

  private static boolean isKey(String base64) {
    try {
      return Base64.getDecoder().decode(base64).length == 32;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
