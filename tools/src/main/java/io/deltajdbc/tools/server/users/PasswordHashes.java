package io.deltajdbc.tools.server.users;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The users file's password hashes: {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64, a
 * 16-byte salt, a 32-byte hash) for BASIC, and HTTP Digest's HA1 for DIGEST.
 */
public final class PasswordHashes {
  /** PBKDF2 iterations of a new hash. */
  public static final int ITERATIONS = 210_000;

  private static final String PREFIX = "pbkdf2-sha256";
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHashes() {}

  /** A new salted PBKDF2-HMAC-SHA256 hash of {@code password}. */
  public static String hash(char[] password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return PREFIX
        + "$"
        + ITERATIONS
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(pbkdf2(password, salt, ITERATIONS));
  }

  /** Whether {@code password} has {@code hash}; false for a malformed hash. Constant time. */
  public static boolean matches(char[] password, String hash) {
    if (hash == null) {
      return false;
    }
    String[] parts = hash.split("\\$", -1);
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      if (iterations < 1 || iterations > 10_000_000) {
        return false;
      }
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      if (salt.length == 0 || expected.length != 32) {
        return false;
      }
      return MessageDigest.isEqual(expected, pbkdf2(password, salt, iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** HTTP Digest's HA1: hex {@code MD5(user:realm:password)}. */
  public static String digestHash(String user, String realm, char[] password) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update((user + ":" + realm + ":").getBytes(StandardCharsets.UTF_8));
      ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
      byte[] raw = new byte[bytes.remaining()];
      bytes.get(raw);
      md5.update(raw);
      Arrays.fill(raw, (byte) 0);
      return HexFormat.of().formatHex(md5.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from this JVM", e);
    }
  }

  private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
    } finally {
      spec.clearPassword();
    }
  }
}
