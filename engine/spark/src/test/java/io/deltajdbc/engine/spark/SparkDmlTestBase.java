package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.dml.DmlExecutor;
import io.deltajdbc.engine.dml.DmlExecutors;
import io.deltajdbc.engine.testing.SparkOracle;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the DML tests share: delta-spark's session is started first, so the executor reuses it (one
 * SparkSession per test JVM); the executor; a fresh directory per test.
 */
abstract class SparkDmlTestBase {
  static DmlExecutor executor;

  @TempDir Path dir;

  @BeforeAll
  static void sparkFirst() {
    SparkOracle.spark();
    executor = DmlExecutors.spark(Map.of());
  }
}
