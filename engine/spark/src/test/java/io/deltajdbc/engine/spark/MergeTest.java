package io.deltajdbc.engine.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.ErrorCode;
import io.deltajdbc.engine.actions.Action;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.RemoveFile;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.dml.DmlResult;
import io.deltajdbc.engine.dml.MergeClause;
import io.deltajdbc.engine.dml.MergeClause.MatchedDelete;
import io.deltajdbc.engine.dml.MergeClause.MatchedUpdate;
import io.deltajdbc.engine.dml.MergeClause.NotMatchedInsert;
import io.deltajdbc.engine.dml.MergeSpec;
import io.deltajdbc.engine.testing.DmlFixtures;
import io.deltajdbc.engine.testing.SparkOracle;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * MERGE on Spark: the rows after each statement equal delta-spark's running the same MERGE on a
 * copy.
 */
class MergeTest extends SparkDmlTestBase {
  static final StructType SOURCE =
      new StructType(
          List.of(
              new StructField("id", PrimitiveType.LONG, true),
              new StructField("name", PrimitiveType.STRING, true),
              new StructField("amount", PrimitiveType.DOUBLE, true),
              new StructField("op", PrimitiveType.STRING, true)));

  @ParameterizedTest
  @EnumSource(DmlTables.class)
  void mergesWhatDeltaSparkMerges(DmlTables kind) {
    Path ours = dir.resolve("ours");
    DeltaTable table = kind.create(ours, Map.of());
    Path oracle = DmlFixtures.copy(ours, "oracle");
    List<Row> source =
        List.of(
            Row.of(1L, "one", 1.5, "update"),
            Row.of(2L, "two", 2.0, "delete"),
            Row.of(3L, null, 3.25, "update"),
            Row.of(100L, "hundred", 100.125, "insert"),
            Row.of(101L, "skipped", 0.0, "skip"),
            Row.of(102L, null, null, "insert"));
    Map<String, String> set = new LinkedHashMap<>();
    set.put("amount", "s.amount");
    set.put("name", "concat(t.name, '+', s.name)");
    Map<String, String> values = new LinkedHashMap<>();
    values.put("id", "s.id");
    values.put("name", "s.name");
    values.put("amount", "s.amount");
    values.put("grp", "'g1'");
    List<MergeClause> clauses =
        List.of(
            new MatchedDelete("s.op = 'delete'"),
            new MatchedUpdate(null, set),
            new NotMatchedInsert("s.op <> 'skip'", values));

    DmlResult r =
        executor.merge(table, new MergeSpec(SOURCE, source, "t", "s", "t.id = s.id", clauses));
    view(source, "merge_source");
    DmlFixtures.sql(
        "MERGE INTO delta.`"
            + oracle
            + "` AS t USING merge_source AS s ON t.id = s.id "
            + "WHEN MATCHED AND s.op = 'delete' THEN DELETE "
            + "WHEN MATCHED THEN UPDATE SET amount = s.amount, name = concat(t.name, '+', s.name) "
            + "WHEN NOT MATCHED AND s.op <> 'skip' THEN INSERT (id, name, amount, grp) VALUES (s.id, s.name, s.amount, 'g1')");
    assertEquals(DmlFixtures.rows(oracle), DmlFixtures.rows(ours));
    assertEquals(5, r.rowsAffected());
    assertEquals("2", r.metrics().get("numTargetRowsUpdated"));
    assertEquals("1", r.metrics().get("numTargetRowsDeleted"));
    assertEquals("2", r.metrics().get("numTargetRowsInserted"));
    assertEquals("MERGE", DmlFixtures.operations(ours).get(0));
    // ids 1, 2, 3 live in the first file (or its partitions): the other files stay.
    List<Action> commit = DmlFixtures.commit(ours, r.version());
    assertEquals(kind.partitioned() ? 3 : 1, DmlFixtures.count(commit, RemoveFile.class));
  }

  @Test
  void insertOnlyMergeRewritesNothing() {
    Path ours = dir.resolve("t");
    DeltaTable table = DmlTables.PARTITIONED.create(ours, Map.of());
    Map<String, String> values = new LinkedHashMap<>();
    values.put("id", "s.id");
    values.put("grp", "'g0'");
    List<Row> source = List.of(Row.of(5L, "x", 1.0, "a"), Row.of(500L, "y", 2.0, "b"));
    DmlResult r =
        executor.merge(
            table,
            new MergeSpec(
                SOURCE,
                source,
                "t",
                "s",
                "t.id = s.id",
                List.of(new NotMatchedInsert(null, values))));
    assertEquals(1, r.rowsAffected());
    List<Action> commit = DmlFixtures.commit(ours, r.version());
    assertEquals(0, DmlFixtures.count(commit, RemoveFile.class));
    assertEquals(1, DmlFixtures.count(commit, AddFile.class));
    assertEquals(25, DmlFixtures.rows(ours).size());
  }

  @Test
  void aTargetRowMatchedTwiceFailsAndChangesNothing() {
    Path ours = dir.resolve("t");
    DeltaTable table = DmlTables.PLAIN.create(ours, Map.of());
    List<String> before = DmlFixtures.rows(ours);
    List<Row> source = List.of(Row.of(5L, "x", 1.0, "a"), Row.of(5L, "y", 2.0, "b"));
    DeltaException e =
        assertThrows(
            DeltaException.class,
            () ->
                executor.merge(
                    table,
                    new MergeSpec(
                        SOURCE,
                        source,
                        "t",
                        "s",
                        "t.id = s.id",
                        List.of(new MatchedUpdate(null, Map.of("name", "s.name"))))));
    assertEquals(ErrorCode.MERGE_CARDINALITY_VIOLATION, e.code());
    assertEquals(3, table.latestSnapshot().version());
    assertEquals(before, DmlFixtures.rows(ours));
  }

  static void view(List<Row> rows, String name) {
    List<org.apache.spark.sql.Row> out = new ArrayList<>();
    rows.forEach(r -> out.add(org.apache.spark.sql.RowFactory.create(r.toArray())));
    SparkOracle.spark()
        .createDataFrame(
            out,
            (org.apache.spark.sql.types.StructType)
                org.apache.spark.sql.types.DataType.fromJson(
                    io.deltajdbc.engine.types.SchemaJson.toJson(SOURCE)))
        .createOrReplaceTempView(name);
  }
}
