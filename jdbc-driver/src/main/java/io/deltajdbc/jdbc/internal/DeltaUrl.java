package io.deltajdbc.jdbc.internal;

import java.util.Properties;

/**
 * A parsed {@code jdbc:delta:<location>[;key=value]*} URL: the warehouse location (a local path or
 * a Hadoop URI) and properties, which {@link Properties} given to connect complete (the URL wins).
 */
public record DeltaUrl(String location, Properties properties) {
  public static final String PREFIX = "jdbc:delta:";

  public static boolean accepts(String url) {
    return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  public static DeltaUrl parse(String url, Properties info) {
    String rest = url.substring(PREFIX.length());
    String[] parts = rest.split(";");
    Properties props = new Properties();
    if (info != null) {
      info.forEach((k, v) -> props.setProperty(k.toString(), v.toString()));
    }
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("'" + p + "' in the URL is not a key=value property");
      }
      props.setProperty(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
    }
    String location = parts.length == 0 ? "" : parts[0].trim();
    if (location.isEmpty()) {
      location = props.getProperty("warehouse", "");
    }
    return new DeltaUrl(location, props);
  }
}
