package io.deltajdbc.engine.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.testing.Normalized;
import io.deltajdbc.engine.testing.RandomTables;
import io.deltajdbc.engine.testing.SparkOracle;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.TableSpec;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.SchemaJson;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interop with Delta Lake's own implementation, both ways, randomised over types, partitioning,
 * column mapping, checkpoint intervals and commit counts (the seed reproduces a case).
 */
class DeltaSparkInteropTest {
  @TempDir Path dir;

  /**
   * Tables we create, append to, delete from and checkpoint read the same in delta-spark, at every
   * version.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void tablesWeWriteReadTheSameInDeltaSpark(long seed) {
    RandomTables gen = new RandomTables(seed);
    Random rnd = gen.random();
    StructType schema = gen.schema(rnd.nextInt(3));
    List<String> partitions = schema.fieldNames().stream().filter(n -> n.startsWith("p")).toList();
    String path = dir.resolve("ours-" + seed).toString();
    TableSpec spec =
        new TableSpec(schema, partitions, null, "seed " + seed, Map.of())
            .withProperty("delta.checkpointInterval", Integer.toString(2 + rnd.nextInt(3)));
    if (seed % 2 == 0) {
      spec = spec.withProperty("delta.columnMapping.mode", "name");
    }
    DeltaTable table = DeltaTable.create(path, DeltaTable.defaultConfiguration(), spec);

    Map<String, List<Row>> liveFiles = new LinkedHashMap<>();
    List<List<Row>> modelByVersion = new ArrayList<>();
    modelByVersion.add(List.of());
    List<String> operations = new ArrayList<>(List.of("CREATE TABLE"));
    long nextId = 0;
    int commits = 3 + rnd.nextInt(8);
    for (int c = 0; c < commits; c++) {
      Transaction txn = table.startTransaction();
      if (!liveFiles.isEmpty() && rnd.nextInt(4) == 0) {
        String victim = new ArrayList<>(liveFiles.keySet()).get(rnd.nextInt(liveFiles.size()));
        AddFile file =
            txn.readSnapshot().files().stream()
                .filter(f -> f.path().equals(victim))
                .findFirst()
                .orElseThrow();
        txn.readFiles(List.of(file));
        txn.remove(List.of(file));
        txn.commit(Operation.of("DELETE", Map.of("predicate", "[]")));
        liveFiles.remove(victim);
        operations.add("DELETE");
      } else {
        List<Row> rows = gen.rows(schema, nextId, 1 + rnd.nextInt(20));
        nextId += rows.size();
        for (AddFile f : txn.write(rows.iterator())) {
          liveFiles.put(f.path(), rowsOf(rows, f, schema, partitions, table));
        }
        txn.commit(Operation.append());
        operations.add("WRITE");
      }
      modelByVersion.add(liveFiles.values().stream().flatMap(List::stream).toList());
    }

    Snapshot latest = table.latestSnapshot();
    assertEquals(commits, latest.version());
    List<Integer> sparkVersions =
        List.of(commits, 1 + rnd.nextInt(commits), rnd.nextInt(commits + 1));
    for (int v = 0; v <= commits; v++) {
      List<String> model = text(modelByVersion.get(v), schema);
      assertEquals(
          model,
          text(ours(table.snapshotAtVersion(v)), schema),
          "seed " + seed + ": our read of v" + v);
      if (sparkVersions.contains(v)) {
        assertEquals(
            model,
            text(SparkOracle.read(path, v, schema), schema),
            "seed " + seed + ": delta-spark v" + v);
      }
    }
    var df = SparkOracle.spark().read().format("delta").load(path);
    assertEquals(
        sparkType(schema).simpleString(), df.schema().simpleString(), "seed " + seed + ": schema");
    List<String> history =
        SparkOracle.spark().sql("DESCRIBE HISTORY delta.`" + path + "`").collectAsList().stream()
            .sorted((a, b) -> Long.compare(a.getLong(0), b.getLong(0)))
            .map(r -> r.getString(r.fieldIndex("operation")))
            .toList();
    assertEquals(operations, history, "seed " + seed + ": history");
  }

  /**
   * Tables delta-spark writes (with its deletes and checkpoints) we append to, and delta-spark
   * reads back.
   */
  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void tablesDeltaSparkWritesWeAppendTo(long seed) {
    RandomTables gen = new RandomTables(seed);
    Random rnd = gen.random();
    StructType schema = gen.schema(rnd.nextInt(3));
    List<String> partitions = schema.fieldNames().stream().filter(n -> n.startsWith("p")).toList();
    String path = dir.resolve("theirs-" + seed).toString();
    List<Row> expected = new ArrayList<>();
    long nextId = 0;
    for (int c = 0; c < 2 + rnd.nextInt(4); c++) {
      List<Row> rows = gen.rows(schema, nextId, 1 + rnd.nextInt(30));
      nextId += rows.size();
      SparkOracle.append(path, rows, schema, partitions);
      expected.addAll(rows);
    }
    SparkOracle.spark()
        .sql(
            "ALTER TABLE delta.`"
                + path
                + "` SET TBLPROPERTIES ('delta.checkpointInterval' = '3')");
    long cut = nextId / 2;
    SparkOracle.spark().sql("DELETE FROM delta.`" + path + "` WHERE id < " + cut);
    expected.removeIf(r -> (Long) r.get(0) < cut);

    DeltaTable table = DeltaTable.forPath(path, DeltaTable.defaultConfiguration());
    assertEquals(
        text(expected, schema),
        text(ours(table.latestSnapshot()), schema),
        "seed " + seed + ": our read");
    for (int c = 0; c < 4; c++) {
      List<Row> rows = gen.rows(schema, nextId, 1 + rnd.nextInt(10));
      nextId += rows.size();
      Transaction txn = table.startTransaction();
      txn.write(rows.iterator());
      txn.commit(Operation.append());
      expected.addAll(rows);
    }
    assertEquals(
        text(expected, schema),
        text(SparkOracle.read(path, -1, schema), schema),
        "seed " + seed + ": spark");
    assertEquals(
        text(expected, schema),
        text(
            ours(DeltaTable.forPath(path, DeltaTable.defaultConfiguration()).latestSnapshot()),
            schema),
        "seed " + seed + ": our cold read");
  }

  /** The rows of {@code written} that went to file {@code f}: those with its partition values. */
  private static List<Row> rowsOf(
      List<Row> written, AddFile f, StructType schema, List<String> partitions, DeltaTable table) {
    if (partitions.isEmpty()) {
      return written;
    }
    Snapshot s = table.latestSnapshot();
    Map<String, String> wanted = new HashMap<>(f.partitionValues());
    return written.stream()
        .filter(
            r -> {
              for (String p : partitions) {
                StructField field = schema.get(p).orElseThrow();
                String key = s.metadata().parseSchema().get(p).map(x -> x.physicalName()).orElse(p);
                String raw = wanted.containsKey(key) ? wanted.get(key) : wanted.get(field.name());
                Object v = r.get(schema.indexOf(p));
                String enc =
                    io.deltajdbc.engine.actions.PartitionValues.encode(v, java.time.ZoneOffset.UTC);
                if (!java.util.Objects.equals(
                    enc == null || enc.isEmpty() ? null : enc,
                    raw == null || raw.isEmpty() ? null : raw)) {
                  return false;
                }
              }
              return true;
            })
        .collect(Collectors.toList());
  }

  private static List<Row> ours(Snapshot s) {
    List<Row> out = new ArrayList<>();
    try (CloseableIterator<Row> it = s.scanBuilder().build().rows()) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  private static List<String> text(List<Row> rows, StructType schema) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(Normalized.row(r, schema)));
    Collections.sort(out);
    return out;
  }

  private static org.apache.spark.sql.types.StructType sparkType(StructType schema) {
    return (org.apache.spark.sql.types.StructType)
        org.apache.spark.sql.types.DataType.fromJson(SchemaJson.toJson(schema));
  }
}
