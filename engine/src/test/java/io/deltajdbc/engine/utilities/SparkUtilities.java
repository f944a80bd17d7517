package io.deltajdbc.engine.utilities;

import io.deltajdbc.engine.testing.SparkOracle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/** delta-spark's answers to the table utilities, as the engine's records, for comparisons. */
final class SparkUtilities {
  private SparkUtilities() {}

  static List<HistoryEntry> history(String path, Integer limit) {
    List<HistoryEntry> out = new ArrayList<>();
    String sql = "DESCRIBE HISTORY delta.`" + path + "`" + (limit == null ? "" : " LIMIT " + limit);
    for (Row r : SparkOracle.spark().sql(sql).collectAsList()) {
      out.add(
          new HistoryEntry(
              r.getLong(0),
              (Instant) r.get(1),
              r.getString(2),
              r.getString(3),
              r.getString(4),
              map(r, 5),
              r.isNullAt(6)
                  ? null
                  : new HistoryEntry.Job(
                      r.getStruct(6).getString(0),
                      r.getStruct(6).getString(1),
                      r.getStruct(6).getString(2),
                      r.getStruct(6).getString(3),
                      r.getStruct(6).getString(4),
                      r.getStruct(6).getString(5)),
              r.isNullAt(7) ? null : new HistoryEntry.Notebook(r.getStruct(7).getString(0)),
              r.getString(8),
              r.isNullAt(9) ? null : r.getLong(9),
              r.getString(10),
              r.isNullAt(11) ? null : r.getBoolean(11),
              map(r, 12),
              r.getString(13),
              r.getString(14)));
    }
    return out;
  }

  /**
   * A commit as a user compares it across engines: everything but its time and the engine's name.
   */
  static HistoryEntry userVisible(HistoryEntry e) {
    return new HistoryEntry(
        e.version(),
        Instant.EPOCH,
        e.userId(),
        e.userName(),
        e.operation(),
        e.operationParameters(),
        e.job(),
        e.notebook(),
        e.clusterId(),
        e.readVersion(),
        e.isolationLevel(),
        e.isBlindAppend(),
        e.operationMetrics(),
        e.userMetadata(),
        null);
  }

  static TableDetail detail(String path) {
    Row r = SparkOracle.spark().sql("DESCRIBE DETAIL delta.`" + path + "`").first();
    return new TableDetail(
        r.getString(0),
        r.getString(1),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        (Instant) r.get(5),
        (Instant) r.get(6),
        strings(r, 7),
        strings(r, 8),
        r.getLong(9),
        r.getLong(10),
        map(r, 11),
        r.getInt(12),
        r.getInt(13),
        strings(r, 14));
  }

  static List<String> sparkColumns(String sql) {
    return List.of(SparkOracle.spark().sql(sql).schema().fieldNames());
  }

  private static List<String> strings(Row r, int i) {
    if (r.isNullAt(i)) {
      return null;
    }
    return new ArrayList<>(r.<String>getList(i));
  }

  private static Map<String, String> map(Row r, int i) {
    if (r.isNullAt(i)) {
      return null;
    }
    return new LinkedHashMap<>(r.<String, String>getJavaMap(i));
  }

  /** A copy of a table directory at {@code target}, the files' times kept. */
  static java.nio.file.Path copy(java.nio.file.Path source, java.nio.file.Path target)
      throws java.io.IOException {
    try (java.util.stream.Stream<java.nio.file.Path> all = java.nio.file.Files.walk(source)) {
      for (java.nio.file.Path f : all.toList()) {
        java.nio.file.Path to = target.resolve(source.relativize(f).toString());
        if (java.nio.file.Files.isDirectory(f)) {
          java.nio.file.Files.createDirectories(to);
        } else {
          java.nio.file.Files.copy(f, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return target;
  }
}
