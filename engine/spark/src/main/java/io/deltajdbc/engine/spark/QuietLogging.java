package io.deltajdbc.engine.spark;

import java.lang.reflect.Method;

/**
 * Keeps Spark's own logging at WARN (it logs every stage at INFO), through Log4j 2, which Spark
 * ships with. Reflective, because Log4j's core is Spark's dependency, not ours; without it,
 * nothing.
 */
final class QuietLogging {
  private static final String[] LOGGERS = {
    "org.apache.spark", "org.sparkproject", "org.apache.hadoop", "org.apache.parquet"
  };
  private static final String[] SILENT = {
    "org.apache.spark.util.ShutdownHookManager",
    "org.apache.spark.SparkEnv",
    "org.apache.hadoop.util.NativeCodeLoader",
    // a failed task is reported to the caller as the statement's error, not logged on the side
    "org.apache.spark.executor.Executor",
    "org.apache.spark.scheduler.TaskSetManager"
  };

  private QuietLogging() {}

  static void apply() {
    try {
      Class<?> level = Class.forName("org.apache.logging.log4j.Level");
      Class<?> configurator = Class.forName("org.apache.logging.log4j.core.config.Configurator");
      Method set = configurator.getMethod("setLevel", String.class, level);
      Object warn = level.getField("WARN").get(null);
      Object error = level.getField("FATAL").get(null);
      for (String l : LOGGERS) {
        set.invoke(null, l, warn);
      }
      for (String l : SILENT) {
        set.invoke(null, l, error);
      }
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // not Log4j 2 underneath: the application's logging configuration decides
    }
  }
}
