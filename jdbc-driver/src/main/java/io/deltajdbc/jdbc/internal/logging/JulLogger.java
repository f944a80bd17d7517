package io.deltajdbc.jdbc.internal.logging;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.slf4j.Marker;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger over the {@code java.util.logging} logger of the same name: ERROR is SEVERE, WARN
 * is WARNING, INFO is INFO, DEBUG is FINE and TRACE is FINER. The record names the class and method
 * that logged, not this adapter.
 */
final class JulLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  private final transient Logger jul;

  JulLogger(String name) {
    this.name = requireNonNull(name, "name");
    this.jul = Logger.getLogger(name);
  }

  @Override
  public boolean isTraceEnabled() {
    return jul.isLoggable(Level.FINER);
  }

  @Override
  public boolean isDebugEnabled() {
    return jul.isLoggable(Level.FINE);
  }

  @Override
  public boolean isInfoEnabled() {
    return jul.isLoggable(Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return jul.isLoggable(Level.WARNING);
  }

  @Override
  public boolean isErrorEnabled() {
    return jul.isLoggable(Level.SEVERE);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      org.slf4j.event.Level level,
      Marker marker,
      String pattern,
      Object[] arguments,
      Throwable thrown) {
    Level julLevel =
        switch (level) {
          case ERROR -> Level.SEVERE;
          case WARN -> Level.WARNING;
          case INFO -> Level.INFO;
          case DEBUG -> Level.FINE;
          case TRACE -> Level.FINER;
        };
    if (!jul.isLoggable(julLevel)) {
      return;
    }
    LogRecord record =
        new LogRecord(julLevel, MessageFormatter.basicArrayFormat(pattern, arguments));
    record.setLoggerName(name);
    record.setThrown(thrown);
    caller()
        .ifPresent(
            frame -> {
              record.setSourceClassName(frame.getClassName());
              record.setSourceMethodName(frame.getMethodName());
            });
    jul.log(record);
  }

  /** The first frame outside SLF4J's logger classes and this adapter. */
  private static Optional<StackWalker.StackFrame> caller() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .filter(
                        f ->
                            !f.getClassName().equals(JulLogger.class.getName())
                                && !f.getClassName().equals(LegacyAbstractLogger.class.getName())
                                && !f.getClassName().equals(AbstractLogger.class.getName()))
                    .findFirst());
  }
}
