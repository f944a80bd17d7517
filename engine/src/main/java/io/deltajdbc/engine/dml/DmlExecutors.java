package io.deltajdbc.engine.dml;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.types.StructType;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where DML executors come from. The Spark implementation is loaded by name on the first statement
 * that needs it, so that connections that only read never load a Spark class.
 */
public final class DmlExecutors {
  static final String SPARK_IMPLEMENTATION = "io.deltajdbc.engine.spark.SparkDmlExecutor";
  private static final String SPARK_SESSION_CLASS_FILE = "org/apache/spark/sql/SparkSession.class";

  private DmlExecutors() {}

  /**
   * The Apache Spark executor. {@code sparkConf} holds {@code spark.*} settings ({@code spark.master},
   * default {@code local[*]}); they reach the JVM's one shared SparkSession when the first statement
   * starts it. Fails at once, without loading Spark, when Spark is not on the class path, or when
   * a setting is one a connection may not choose ({@link SparkConnectionSettings}).
   */
  public static DmlExecutor spark(Map<String, String> sparkConf) {
    SparkConnectionSettings.check(sparkConf == null ? Map.of() : sparkConf);
    ClassLoader loader = loader();
    if (loader.getResource(SPARK_SESSION_CLASS_FILE) == null) {
      throw DeltaErrors.executionBackendUnavailable("class org.apache.spark.sql.SparkSession not found");
    }
    return new Lazy(new LinkedHashMap<>(sparkConf == null ? Map.of() : sparkConf));
  }

  private static ClassLoader loader() {
    ClassLoader l = DmlExecutors.class.getClassLoader();
    return l != null ? l : ClassLoader.getSystemClassLoader();
  }

  /** Loads the implementation on first use; later calls go straight to it. */
  private static final class Lazy implements DmlExecutor {
    private final Map<String, String> conf;
    private volatile DmlExecutor delegate;

    Lazy(Map<String, String> conf) {
      this.conf = conf;
    }

    private DmlExecutor delegate() {
      DmlExecutor d = delegate;
      if (d == null) {
        synchronized (this) {
          if (delegate == null) {
            delegate = load(conf);
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
  }

  private static DmlExecutor load(Map<String, String> conf) {
    try {
      Class<?> c = Class.forName(SPARK_IMPLEMENTATION, true, loader());
      return (DmlExecutor) c.getConstructor(Map.class).newInstance(conf);
    } catch (ClassNotFoundException | NoClassDefFoundError e) {
      throw DeltaErrors.executionBackendUnavailable(e.toString());
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("cannot start the Spark DML executor", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot start the Spark DML executor", e);
    }
  }
}
