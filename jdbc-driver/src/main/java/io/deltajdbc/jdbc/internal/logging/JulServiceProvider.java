package io.deltajdbc.jdbc.internal.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of the standalone jar: loggers that write to {@code java.util.logging} loggers
 * of the same name. Found by SLF4J's service lookup under the jar's relocated SLF4J package, so the
 * application's own SLF4J (and its binding) never sees it, and SLF4J never reports "no providers".
 */
public final class JulServiceProvider implements SLF4JServiceProvider {
  private final JulLoggerFactory loggers = new JulLoggerFactory();
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggers;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}
}
