package io.deltajdbc.engine.dml;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.types.StructType;
import io.deltajdbc.engine.utilities.OptimizeRunner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Where DML executors come from: the {@link DmlExecutorProvider}s on the class path, through {@link
 * ServiceLoader}. The executor is created on the first statement that needs it, so that connections
 * that only read never load a backend class (nor Spark's).
 */
public final class DmlExecutors {
  static final String SPARK = "spark";

  private DmlExecutors() {}

  /**
   * The Apache Spark executor ({@code delta-jdbc-engine-spark} and Spark on the class path). {@code
   * sparkConf} holds {@code spark.*} settings ({@code spark.master}, default {@code local[*]});
   * they reach the JVM's one shared SparkSession when the first statement starts it. Fails at once,
   * without loading Spark, when the backend or Spark is not on the class path, or when a setting is
   * one a connection may not choose ({@link SparkConnectionSettings}).
   */
  public static DmlExecutor spark(Map<String, String> sparkConf) {
    Map<String, String> conf = new LinkedHashMap<>(sparkConf == null ? Map.of() : sparkConf);
    SparkConnectionSettings.check(conf);
    DmlExecutorProvider provider = provider(SPARK);
    return new Lazy(provider, conf);
  }

  /** The provider named {@code name}, checked to be able to run here. */
  private static DmlExecutorProvider provider(String name) {
    for (DmlExecutorProvider p : ServiceLoader.load(DmlExecutorProvider.class, loader())) {
      if (p.name().equals(name)) {
        String reason = p.unavailableReason();
        if (reason != null) {
          throw DeltaErrors.executionBackendUnavailable(reason);
        }
        return p;
      }
    }
    throw DeltaErrors.executionBackendUnavailable(
        "no DML backend named " + name + " on the class path (the jar delta-jdbc-engine-spark)");
  }

  private static ClassLoader loader() {
    ClassLoader l = DmlExecutors.class.getClassLoader();
    return l != null ? l : ClassLoader.getSystemClassLoader();
  }

  /** Creates the executor on first use; later calls go straight to it. */
  private static final class Lazy implements DmlExecutor {
    private final DmlExecutorProvider provider;
    private final Map<String, String> conf;
    private volatile DmlExecutor delegate;

    Lazy(DmlExecutorProvider provider, Map<String, String> conf) {
      this.provider = provider;
      this.conf = conf;
    }

    private DmlExecutor delegate() {
      DmlExecutor d = delegate;
      if (d == null) {
        synchronized (this) {
          if (delegate == null) {
            delegate = provider.create(conf);
          }
          d = delegate;
        }
      }
      return d;
    }

    @Override
    public DmlResult delete(DeltaTable table, DeleteSpec spec) {
      return delegate().delete(table, spec);
    }

    @Override
    public DmlResult update(DeltaTable table, UpdateSpec spec) {
      return delegate().update(table, spec);
    }

    @Override
    public DmlResult merge(DeltaTable table, MergeSpec spec) {
      return delegate().merge(table, spec);
    }

    @Override
    public void checkConstraints(Snapshot snapshot, StructType schema, List<Row> rows) {
      delegate().checkConstraints(snapshot, schema, rows);
    }

    @Override
    public OptimizeRunner optimizer() {
      return delegate().optimizer();
    }
  }
}
