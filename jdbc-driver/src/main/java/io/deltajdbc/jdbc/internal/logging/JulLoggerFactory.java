package io.deltajdbc.jdbc.internal.logging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/**
 * One {@link JulLogger} per name, created on first use. The driver's own loggers ({@code
 * io.deltajdbc.*}) log as they say; the bundled libraries are quieter unless the application's
 * logging configuration sets a level for them: their loggers (all under {@code
 * io.deltajdbc.shaded}, relocated with them) start at WARNING, since Parquet and Calcite report
 * every filtered read and plan at INFO, and two messages of the bundled Hadoop client are no news
 * for a driver: that the native Hadoop library is missing (the driver uses the pure-Java code paths
 * by design) and every new Snappy compressor.
 */
final class JulLoggerFactory implements ILoggerFactory {
  private static final Map<String, Level> QUIET =
      Map.of(
          "io.deltajdbc.shaded", Level.WARNING,
          "org.apache.hadoop.util.NativeCodeLoader", Level.SEVERE,
          "org.apache.hadoop.io.compress.CodecPool", Level.WARNING);

  private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

  /** Held so that the levels set on them are kept (java.util.logging keeps loggers weakly). */
  private final List<java.util.logging.Logger> quiet;

  JulLoggerFactory() {
    quiet =
        QUIET.entrySet().stream()
            .map(
                e -> {
                  java.util.logging.Logger l = java.util.logging.Logger.getLogger(e.getKey());
                  if (l.getLevel() == null) {
                    l.setLevel(e.getValue());
                  }
                  return l;
                })
            .toList();
  }

  @Override
  public Logger getLogger(String name) {
    return loggers.computeIfAbsent(name, JulLogger::new);
  }
}
