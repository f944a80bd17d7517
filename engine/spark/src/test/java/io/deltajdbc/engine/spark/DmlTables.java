package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.testing.DmlFixtures;
import java.nio.file.Path;
import java.util.Map;

/** The kinds of table every DML statement is tried on. */
enum DmlTables {
  PLAIN,
  PARTITIONED,
  COLUMN_MAPPING,
  DELTA_SPARK;

  /** Creates the table (3 files of 8 rows, ids 0 to 23) at {@code dir}. */
  DeltaTable create(Path dir, Map<String, String> props) {
    return switch (this) {
      case PLAIN -> DmlFixtures.ours(dir, false, 3, 8, props);
      case PARTITIONED -> DmlFixtures.ours(dir, true, 3, 8, props);
      case COLUMN_MAPPING ->
          DmlFixtures.ours(dir, true, 3, 8, with(props, "delta.columnMapping.mode", "name"));
      case DELTA_SPARK -> DmlFixtures.theirs(dir, true, 3, 8, props);
    };
  }

  boolean partitioned() {
    return this != PLAIN;
  }

  private static Map<String, String> with(Map<String, String> props, String k, String v) {
    Map<String, String> m = new java.util.LinkedHashMap<>(props);
    m.put(k, v);
    return m;
  }
}
