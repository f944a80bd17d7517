package io.deltajdbc.jdbc.internal.logging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/**
 * One {@link JulLogger} per name, created on first use. Two messages of the bundled Hadoop client
 * are not news for a driver and start at a higher level unless the application's logging
 * configuration sets one: that the native Hadoop library is missing (the driver uses the pure-Java
 * code paths by design) and every new Snappy compressor.
 */
final class JulLoggerFactory implements ILoggerFactory {
  private static final Map<String, Level> QUIET = Map.of(
      "org.apache.hadoop.util.NativeCodeLoader", Level.SEVERE,
      "org.apache.hadoop.io.compress.CodecPool", Level.WARNING);

  private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

  @Override
  public Logger getLogger(String name) {
    return loggers.computeIfAbsent(name, JulLoggerFactory::create);
  }

  private static Logger create(String name) {
    JulLogger logger = new JulLogger(name);
    Level quiet = QUIET.get(name);
    if (quiet != null && logger.jul().getLevel() == null) {
      logger.jul().setLevel(quiet);
    }
    return logger;
  }
}
