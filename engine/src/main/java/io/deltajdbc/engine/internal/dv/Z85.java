package io.deltajdbc.engine.internal.dv;

import java.util.Arrays;

/** ZeroMQ's Z85 base-85 encoding (rfc.zeromq.org/spec/32), the protocol's JSON-safe binary text. */
public final class Z85 {
  private static final char[] ALPHABET =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#"
          .toCharArray();
  private static final int[] DECODE = new int[128];

  static {
    Arrays.fill(DECODE, -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      DECODE[ALPHABET[i]] = i;
    }
  }

  private Z85() {}

  /** Decodes text whose length is a multiple of 5 into 4 bytes per 5 characters. */
  public static byte[] decode(String text) {
    if (text.length() % 5 != 0) {
      throw new IllegalArgumentException(
          "Z85 text length " + text.length() + " is not a multiple of 5");
    }
    byte[] out = new byte[text.length() / 5 * 4];
    for (int i = 0, o = 0; i < text.length(); i += 5, o += 4) {
      long value = 0;
      for (int k = 0; k < 5; k++) {
        char c = text.charAt(i + k);
        int d = c < 128 ? DECODE[c] : -1;
        if (d < 0) {
          throw new IllegalArgumentException("'" + c + "' is not a Z85 character");
        }
        value = value * 85 + d;
      }
      // A group above 32 bits keeps its low 32 bits, as delta-spark's Base85Codec does: some
      // writers (kernel-rs) pad the last group of an inline deletion vector whose size is not a
      // multiple of 4 so, and only its first sizeInBytes bytes are read.
      out[o] = (byte) (value >>> 24);
      out[o + 1] = (byte) (value >>> 16);
      out[o + 2] = (byte) (value >>> 8);
      out[o + 3] = (byte) value;
    }
    return out;
  }

  /** Encodes bytes whose length is a multiple of 4 into 5 characters per 4 bytes. */
  public static String encode(byte[] bytes) {
    if (bytes.length % 4 != 0) {
      throw new IllegalArgumentException(
          "Z85 input length " + bytes.length + " is not a multiple of 4");
    }
    char[] out = new char[bytes.length / 4 * 5];
    for (int i = 0, o = 0; i < bytes.length; i += 4, o += 5) {
      long value =
          ((bytes[i] & 0xFFL) << 24)
              | ((bytes[i + 1] & 0xFFL) << 16)
              | ((bytes[i + 2] & 0xFFL) << 8)
              | (bytes[i + 3] & 0xFFL);
      for (int k = 4; k >= 0; k--) {
        out[o + k] = ALPHABET[(int) (value % 85)];
        value /= 85;
      }
    }
    return new String(out);
  }
}
