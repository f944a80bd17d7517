package io.deltajdbc.calcite.runtime;

import io.deltajdbc.engine.dml.DmlExecutor;
import io.deltajdbc.engine.dml.DmlExecutors;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The DML executor of a warehouse: Spark, configured by the connection's {@code spark.*}
 * properties.
 */
public final class DmlBackend {
  private DmlBackend() {}

  /**
   * The executor for a warehouse whose configuration carries the connection's {@code spark.*}
   * settings.
   */
  public static DmlExecutor executor(Configuration conf) {
    Map<String, String> spark = new LinkedHashMap<>();
    conf.getPropsWithPrefix("spark.").forEach((k, v) -> spark.put("spark." + k, v));
    return DmlExecutors.spark(spark);
  }
}
