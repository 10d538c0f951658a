package org.publicservice.procurement.tender;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals bids: AES-256-GCM under a fresh data key per bid; the data key is kept only wrapped (AES-GCM) with the
 * server's sealing key from the configuration ({@code procurement.bids.sealing-key}, base64 of 32 random bytes),
 * which never enters the database. Both layers authenticate the bid's identity (id, project, round, bidder), so a
 * sealed content copied onto another bid row does not open.
 *
 * <p>Only {@link BidBox} calls this, and it unseals only at the opening or for the bidder itself.
 */
@Component
class BidSealing {

  static final String MISSING_KEY = "Bids cannot be sealed: set procurement.bids.sealing-key (environment variable "
      + "PROCUREMENT_BID_SEALING_KEY) to the base64 of 32 random bytes, e.g. `openssl rand -base64 32`.";
  private static final String VERSION = "v1";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey sealingKey;
  private final SecureRandom random = new SecureRandom();

  BidSealing(@Value("${procurement.bids.sealing-key:}") String configuredKey) {
    if (configuredKey == null || configuredKey.isBlank()) {
      throw new IllegalStateException(MISSING_KEY);
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(configuredKey.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(MISSING_KEY, e);
    }
    if (key.length != 32) {
      throw new IllegalStateException(MISSING_KEY);
    }
    this.sealingKey = new SecretKeySpec(key, "AES");
  }

  /** The sealed text and the wrapped data key, both base64 with their IVs. */
  record Sealed(String wrappedKey, String content) {
  }

  Sealed seal(String identity, String plainText) {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256, random);
      SecretKey dataKey = generator.generateKey();
      String content = encrypt(dataKey, identity, plainText.getBytes(StandardCharsets.UTF_8));
      String wrapped = encrypt(sealingKey, "key:" + identity, dataKey.getEncoded());
      return new Sealed(wrapped, content);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Sealing a bid failed", e);
    }
  }

  /** A sealed file: its data key wrapped, its name and type sealed as text, its bytes sealed (IV first). */
  record SealedFile(String wrappedKey, String meta, byte[] content) {
  }

  /** Seals a file of a bid exactly as a bid's text: a fresh data key, wrapped with the sealing key. */
  SealedFile sealFile(String identity, String meta, byte[] plain) {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256, random);
      SecretKey dataKey = generator.generateKey();
      String sealedMeta = encrypt(dataKey, "meta:" + identity, meta.getBytes(StandardCharsets.UTF_8));
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(identity.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain);
      byte[] content = new byte[IV_BYTES + sealed.length];
      System.arraycopy(iv, 0, content, 0, IV_BYTES);
      System.arraycopy(sealed, 0, content, IV_BYTES, sealed.length);
      return new SealedFile(encrypt(sealingKey, "key:" + identity, dataKey.getEncoded()), sealedMeta, content);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Sealing a bid's file failed", e);
    }
  }

  /** The sealed name and type of a file, without its content. */
  String unsealFileMeta(String identity, String wrappedKey, String meta) {
    try {
      byte[] dataKey = decrypt(sealingKey, "key:" + identity, wrappedKey);
      return new String(decrypt(new SecretKeySpec(dataKey, "AES"), "meta:" + identity, meta), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A sealed file does not open with the configured sealing key", e);
    }
  }

  byte[] unsealFileContent(String identity, String wrappedKey, byte[] content) {
    try {
      byte[] dataKey = decrypt(sealingKey, "key:" + identity, wrappedKey);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"),
          new GCMParameterSpec(TAG_BITS, content, 0, IV_BYTES));
      cipher.updateAAD(identity.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(content, IV_BYTES, content.length - IV_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A sealed file does not open with the configured sealing key", e);
    }
  }

  String unseal(String identity, String wrappedKey, String content) {
    try {
      byte[] dataKey = decrypt(sealingKey, "key:" + identity, wrappedKey);
      return new String(decrypt(new SecretKeySpec(dataKey, "AES"), identity, content), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A sealed bid does not open with the configured sealing key "
          + "(procurement.bids.sealing-key changed?)", e);
    }
  }

  private String encrypt(SecretKey key, String identity, byte[] plain) throws GeneralSecurityException {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
    cipher.updateAAD(identity.getBytes(StandardCharsets.UTF_8));
    byte[] sealed = cipher.doFinal(plain);
    Base64.Encoder b64 = Base64.getEncoder();
    return VERSION + ":" + b64.encodeToString(iv) + ":" + b64.encodeToString(sealed);
  }

  private byte[] decrypt(SecretKey key, String identity, String stored) throws GeneralSecurityException {
    String[] parts = stored.split(":");
    if (parts.length != 3 || !VERSION.equals(parts[0])) {
      throw new GeneralSecurityException("unknown sealing format");
    }
    Base64.Decoder b64 = Base64.getDecoder();
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, b64.decode(parts[1])));
    cipher.updateAAD(identity.getBytes(StandardCharsets.UTF_8));
    return cipher.doFinal(b64.decode(parts[2]));
  }
}
