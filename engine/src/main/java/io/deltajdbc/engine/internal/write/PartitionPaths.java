package io.deltajdbc.engine.internal.write;

import java.util.BitSet;
import java.util.List;

/**
 * Hive-style partition directories ({@code year=2024/month=01}) with the escaping Spark applies to
 * names and values, so that our directories look exactly like Spark's; null is {@code
 * __HIVE_DEFAULT_PARTITION__}.
 */
final class PartitionPaths {
  static final String NULL_VALUE = "__HIVE_DEFAULT_PARTITION__";
  private static final BitSet ESCAPED = new BitSet(128);

  static {
    for (char c = 0; c < ' '; c++) {
      ESCAPED.set(c);
    }
    for (char c : "\"#%'*/:=?\\\u007F{[]^".toCharArray()) {
      ESCAPED.set(c);
    }
  }

  private PartitionPaths() {}

  /** The relative directory of one partition, e.g. {@code a=1/b=x%2Fy} (not URI-encoded). */
  static String directory(List<String> names, List<String> values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        sb.append('/');
      }
      sb.append(escape(names.get(i))).append('=');
      String v = values.get(i);
      sb.append(v == null || v.isEmpty() ? NULL_VALUE : escape(v));
    }
    return sb.toString();
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 128 && ESCAPED.get(c)) {
        sb.append('%').append(String.format("%02X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
