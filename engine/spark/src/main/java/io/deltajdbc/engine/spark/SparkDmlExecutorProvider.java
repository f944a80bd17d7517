package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.dml.DmlExecutor;
import io.deltajdbc.engine.dml.DmlExecutorProvider;
import java.util.Map;

/**
 * The Spark backend's entry in {@code META-INF/services}. This class names no Spark type, so that
 * the engine can load it and learn that Spark itself is missing without a {@link
 * NoClassDefFoundError}.
 */
public final class SparkDmlExecutorProvider implements DmlExecutorProvider {
  private static final String SPARK_SESSION_CLASS_FILE = "org/apache/spark/sql/SparkSession.class";

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public String unavailableReason() {
    ClassLoader loader = SparkDmlExecutorProvider.class.getClassLoader();
    if (loader == null) {
      loader = ClassLoader.getSystemClassLoader();
    }
    return loader.getResource(SPARK_SESSION_CLASS_FILE) == null
        ? "class org.apache.spark.sql.SparkSession not found (Apache Spark 3.5 is not on the class path)"
        : null;
  }

  @Override
  public DmlExecutor create(Map<String, String> settings) {
    return new SparkDmlExecutor(settings);
  }
}
