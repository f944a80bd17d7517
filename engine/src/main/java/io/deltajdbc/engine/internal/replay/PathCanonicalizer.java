package io.deltajdbc.engine.internal.replay;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.Path;

/**
 * Resolves the URI-encoded paths of file actions against the table root. All spellings of one file
 * ({@code file:/t/a%20b.parquet}, {@code file:///t/a b.parquet}, {@code /t/a%20b.parquet}, the
 * relative {@code a%20b.parquet}) give one reconciliation key, and the file's real path.
 *
 * <p>Writers do not all encode the same characters (delta-rs leaves {@code :} in partition
 * directories), so relative paths are percent-decoded leniently instead of parsed as URIs.
 */
public final class PathCanonicalizer {
  private final String scheme;
  private final String authority;
  private final String rootPath; // decoded, without trailing slash

  public PathCanonicalizer(Path qualifiedTableRoot) {
    URI root = requireNonNull(qualifiedTableRoot, "qualifiedTableRoot").toUri();
    this.scheme = root.getScheme();
    this.authority = root.getAuthority();
    String p = root.getPath();
    this.rootPath = p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p;
  }

  /**
   * The reconciliation key of a path: decoded, relative to the table root when it lies under it.
   */
  public String key(String actionPath) {
    if (isPlainRelative(actionPath)) {
      return actionPath;
    }
    String decoded = decodedAbsolutePath(actionPath);
    String prefix = rootPath + "/";
    return decoded.startsWith(prefix)
        ? decoded.substring(prefix.length())
        : scheme(actionPath) + decoded;
  }

  /** The file's full, qualified path. */
  public Path absolute(String actionPath) {
    if (hasScheme(actionPath)) {
      URI uri = URI.create(actionPath);
      return new Path(uri.getScheme(), uri.getAuthority(), uri.getPath());
    }
    return new Path(scheme, authority, decodedAbsolutePath(actionPath));
  }

  private String decodedAbsolutePath(String actionPath) {
    if (hasScheme(actionPath)) {
      return URI.create(actionPath).getPath();
    }
    String decoded = decode(actionPath);
    return decoded.startsWith("/") ? decoded : rootPath + "/" + decoded;
  }

  private String scheme(String actionPath) {
    return hasScheme(actionPath) ? URI.create(actionPath).getScheme() + ":" : scheme + ":";
  }

  private static boolean isPlainRelative(String p) {
    return !p.startsWith("/") && p.indexOf('%') < 0 && !hasScheme(p);
  }

  /**
   * True when {@code p} starts with a URI scheme and its colon ({@code [a-zA-Z][a-zA-Z0-9+.-]*:}),
   * the rest of it on one line. A loop, not a regular expression: log replay asks it of every path.
   */
  static boolean hasScheme(String p) {
    int n = p.length();
    if (n == 0 || !isLetter(p.charAt(0))) {
      return false;
    }
    int i = 1;
    while (i < n && isSchemeChar(p.charAt(i))) {
      i++;
    }
    if (i == n || p.charAt(i) != ':') {
      return false;
    }
    for (int j = i + 1; j < n; j++) {
      char c = p.charAt(j);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isSchemeChar(char c) {
    return isLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-';
  }

  /** Percent-decoding of a URI path (no '+' rule: that belongs to form encoding). */
  static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
        out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
        i += 2;
      } else {
        out.write(b);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }
}
