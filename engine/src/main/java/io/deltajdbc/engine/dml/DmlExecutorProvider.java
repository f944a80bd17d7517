package io.deltajdbc.engine.dml;

import java.util.Map;

/**
 * A DML execution backend, found through {@link java.util.ServiceLoader} (a {@code
 * META-INF/services/io.deltajdbc.engine.dml.DmlExecutorProvider} entry in the backend's jar). The
 * engine knows no backend by name or class: {@link DmlExecutors} asks each provider on the class
 * path. A provider's own class must load without its runtime (Spark), so that the engine can ask
 * {@link #unavailableReason()} of a backend whose runtime is missing.
 */
public interface DmlExecutorProvider {

  /** The backend's name, as a connection chooses it ({@code spark}). */
  String name();

  /**
   * Why the backend cannot run here (its runtime is not on the class path), or null when it can.
   * Must not load the runtime's classes.
   */
  String unavailableReason();

  /**
   * An executor with the connection's backend settings ({@code spark.*} for Spark). Called once per
   * executor, on its first statement, after {@link #unavailableReason()} returned null.
   */
  DmlExecutor create(Map<String, String> settings);
}
