package io.deltajdbc.engine.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.actions.AddCDCFile;
import io.deltajdbc.engine.changes.ChangeColumns;
import io.deltajdbc.engine.changes.ChangeRange;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.dml.DeleteSpec;
import io.deltajdbc.engine.dml.MergeClause.MatchedDelete;
import io.deltajdbc.engine.dml.MergeClause.MatchedUpdate;
import io.deltajdbc.engine.dml.MergeClause.NotMatchedInsert;
import io.deltajdbc.engine.dml.MergeSpec;
import io.deltajdbc.engine.dml.UpdateSpec;
import io.deltajdbc.engine.testing.DmlFixtures;
import io.deltajdbc.engine.testing.Normalized;
import io.deltajdbc.engine.testing.SparkOracle;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Writes to tables recording their change data feed: appends and a MERGE of inserts only write no
 * change data files (as in delta-spark); DELETE, UPDATE and MERGE write the change data files
 * delta-spark writes where it writes them; and the changes each side reads of the other's table
 * equal the other's own.
 */
class ChangeDataFeedDmlTest extends SparkDmlTestBase {
  private static final Map<String, String> CDF = Map.of("delta.enableChangeDataFeed", "true");

  @ParameterizedTest
  @EnumSource(
      value = DmlTables.class,
      names = {"PARTITIONED", "DELTA_SPARK"})
  void insertsAreTakenAndReadAsDeltaSparkReadsThem(DmlTables kind) {
    Path path = dir.resolve("t");
    DeltaTable table = kind.create(path, CDF);
    Transaction txn = table.startTransaction();
    txn.write(List.of(DmlFixtures.row(100), DmlFixtures.row(101)).iterator());
    txn.commit(Operation.append());
    executor.merge(
        table,
        new MergeSpec(
            MergeTest.SOURCE,
            List.of(Row.of(0L, "dup", 1.0, "i"), Row.of(200L, "n", 1.0, "i")),
            "t",
            "s",
            "t.id = s.id",
            List.of(new NotMatchedInsert(null, Map.of("id", "s.id", "name", "s.name")))));
    long latest = table.latestSnapshot().version();
    for (long v = 0; v <= latest; v++) {
      assertEquals(0, DmlFixtures.count(DmlFixtures.commit(path, v), AddCDCFile.class));
    }
    assertFalse(Files.exists(path.resolve("_change_data")));

    StructType schema = ChangeColumns.schemaOf(DmlFixtures.SCHEMA);
    List<String> all = sparks(path, 0, schema);
    assertEquals(3 * 8 + 2 + 1, all.size());
    for (long s = 0; s <= latest; s++) {
      for (long e = s; e <= latest; e++) {
        assertEquals(
            inVersions(all, schema, s, e),
            ours(table, ChangeRange.versions(s, e), schema),
            kind + " " + s + ".." + e);
      }
    }
  }

  /**
   * DELETE by a data column, UPDATE and a MERGE with all clause kinds, on two copies, ours and
   * delta-spark's, with and without deletion vectors and column mapping: the commits that hold
   * change data files are the same on both sides, each side reads the other's changes as the other
   * does, and the two feeds hold the same rows (commit times aside).
   */
  @ParameterizedTest
  @CsvSource({"false, none", "true, none", "false, name"})
  void rowChangesAsDeltaSpark(boolean deletionVectors, String columnMapping) {
    Path ours = dir.resolve("ours");
    Map<String, String> props = new LinkedHashMap<>(CDF);
    props.put("delta.enableDeletionVectors", Boolean.toString(deletionVectors));
    props.put("delta.columnMapping.mode", columnMapping);
    DmlTables.DELTA_SPARK.create(ours, props);
    Path theirs = DmlFixtures.copy(ours, "theirs");
    DeltaTable table = DeltaTable.forPath(ours.toString());
    String spark = "delta.`" + theirs + "`";

    executor.delete(table, DeleteSpec.where("id % 5 = 0"));
    DmlFixtures.sql("DELETE FROM " + spark + " WHERE id % 5 = 0");
    executor.update(
        table, new UpdateSpec(null, "id < 12", Map.of("name", "concat(name, '!')", "grp", "'g9'")));
    DmlFixtures.sql("UPDATE " + spark + " SET name = concat(name, '!'), grp = 'g9' WHERE id < 12");
    List<Row> source =
        List.of(
            Row.of(1L, "one", 1.5, "update"),
            Row.of(2L, "two", 2.0, "delete"),
            Row.of(13L, "13", 2.0, "delete"),
            Row.of(100L, "hundred", 100.125, "insert"));
    Map<String, String> values = new LinkedHashMap<>();
    values.put("id", "s.id");
    values.put("name", "s.name");
    values.put("grp", "'g1'");
    executor.merge(
        table,
        new MergeSpec(
            MergeTest.SOURCE,
            source,
            "t",
            "s",
            "t.id = s.id",
            List.of(
                new MatchedDelete("s.op = 'delete'"),
                new MatchedUpdate(null, Map.of("name", "s.name")),
                new NotMatchedInsert(null, values))));
    MergeTest.view(source, "cdf_source");
    DmlFixtures.sql(
        "MERGE INTO "
            + spark
            + " AS t USING cdf_source AS s ON t.id = s.id "
            + "WHEN MATCHED AND s.op = 'delete' THEN DELETE "
            + "WHEN MATCHED THEN UPDATE SET name = s.name "
            + "WHEN NOT MATCHED THEN INSERT (id, name, grp) VALUES (s.id, s.name, 'g1')");

    long latest = table.latestSnapshot().version();
    assertEquals(latest, DeltaTable.forPath(theirs.toString()).latestSnapshot().version());
    assertEquals(DmlFixtures.rows(theirs), DmlFixtures.rows(ours));
    int withChangeFiles = 0;
    for (long v = 1; v <= latest; v++) {
      boolean has = DmlFixtures.count(DmlFixtures.commit(ours, v), AddCDCFile.class) > 0;
      assertEquals(
          DmlFixtures.count(DmlFixtures.commit(theirs, v), AddCDCFile.class) > 0,
          has,
          "change data files at version " + v);
      withChangeFiles += has ? 1 : 0;
    }
    // UPDATE and MERGE always, DELETE when it rewrites files
    assertEquals(deletionVectors ? 2 : 3, withChangeFiles);
    StructType schema = ChangeColumns.schemaOf(DmlFixtures.SCHEMA);
    List<String> oursBySpark = sameFeeds(ours, theirs, schema);
    for (long s = 1; s <= latest; s++) {
      assertEquals(
          inVersions(oursBySpark, schema, s, s),
          ours(table, ChangeRange.versions(s, s), schema),
          "version " + s);
    }
  }

  /**
   * DELETE of whole files (a condition on the partition column, then no condition), and with
   * deletion vectors DELETEs by data columns (a new vector, then one that grows), on two copies,
   * ours and delta-spark's: neither writes change data files, each side reads the other's changes
   * as the other does, and the two feeds hold the same rows (commit times aside).
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void deletesAsDeltaSpark(boolean deletionVectors) {
    Path ours = dir.resolve("ours");
    Map<String, String> props = new LinkedHashMap<>(CDF);
    props.put("delta.enableDeletionVectors", Boolean.toString(deletionVectors));
    DmlTables.DELTA_SPARK.create(ours, props);
    Path theirs = DmlFixtures.copy(ours, "theirs");
    DeltaTable table = DeltaTable.forPath(ours.toString());
    List<String> conditions = new ArrayList<>(List.of("grp = 'g1'"));
    if (deletionVectors) {
      conditions.add("id % 4 = 0");
      conditions.add("id = 6 OR id = 9");
    }
    for (String c : conditions) {
      executor.delete(table, DeleteSpec.where(c));
      DmlFixtures.sql("DELETE FROM delta.`" + theirs + "` WHERE " + c);
    }
    executor.delete(table, new DeleteSpec(null, null));
    DmlFixtures.sql("DELETE FROM delta.`" + theirs + "`");
    StructType schema = ChangeColumns.schemaOf(DmlFixtures.SCHEMA);
    long latest = table.latestSnapshot().version();
    assertEquals(latest, DeltaTable.forPath(theirs.toString()).latestSnapshot().version());
    List<String> oursBySpark = sameFeeds(ours, theirs, schema);
    assertEquals(24 + 24, oursBySpark.size()); // every row inserted, then deleted once
    for (Path p : List.of(ours, theirs)) {
      for (long v = 0; v <= latest; v++) {
        assertEquals(0, DmlFixtures.count(DmlFixtures.commit(p, v), AddCDCFile.class));
      }
    }
  }

  /**
   * Each copy's feed from version 0 reads the same in delta-spark and in our engine, and the two
   * copies' feeds are equal apart from commit times; returns delta-spark's read of ours.
   */
  private static List<String> sameFeeds(Path ours, Path theirs, StructType schema) {
    List<String> oursBySpark = sparks(ours, 0, schema);
    List<String> theirsBySpark = sparks(theirs, 0, schema);
    assertEquals(
        oursBySpark, ours(DeltaTable.forPath(ours.toString()), ChangeRange.fromVersion(0), schema));
    assertEquals(
        theirsBySpark,
        ours(DeltaTable.forPath(theirs.toString()), ChangeRange.fromVersion(0), schema));
    assertEquals(withoutTimes(theirsBySpark), withoutTimes(oursBySpark));
    return oursBySpark;
  }

  private static List<String> withoutTimes(List<String> rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.replaceAll("_commit_timestamp=[^,}]*", "")));
    out.sort(null);
    return out;
  }

  private static List<String> ours(DeltaTable table, ChangeRange range, StructType schema) {
    List<String> out = new ArrayList<>();
    for (Row r : table.changes(range).toList()) {
      out.add(Normalized.row(r, schema));
    }
    out.sort(null);
    return out;
  }

  /** delta-spark's change feed from {@code start}, as sorted normalized rows. */
  private static List<String> sparks(Path path, long start, StructType schema) {
    List<String> out = new ArrayList<>();
    for (org.apache.spark.sql.Row r :
        SparkOracle.spark()
            .read()
            .format("delta")
            .option("readChangeFeed", "true")
            .option("startingVersion", start)
            .load(path.toString())
            .selectExpr(schema.fieldNames().stream().map(c -> "`" + c + "`").toArray(String[]::new))
            .collectAsList()) {
      out.add(Normalized.row(SparkOracle.toEngine(r, schema), schema));
    }
    out.sort(null);
    return out;
  }

  private static List<String> inVersions(List<String> rows, StructType schema, long s, long e) {
    List<String> out = new ArrayList<>();
    for (String r : rows) {
      long v = versionOf(r);
      if (v >= s && v <= e) {
        out.add(r);
      }
    }
    return out;
  }

  /** The {@code _commit_version} of a normalized change row. */
  private static long versionOf(String row) {
    Matcher m = Pattern.compile("_commit_version=(\\d+)").matcher(row);
    assertTrue(m.find(), row);
    return Long.parseLong(m.group(1));
  }
}
