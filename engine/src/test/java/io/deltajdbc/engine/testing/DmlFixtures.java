package io.deltajdbc.engine.testing;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.actions.Action;
import io.deltajdbc.engine.actions.ActionJson;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.RemoveFile;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.TableSpec;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.ArrayType;
import io.deltajdbc.engine.types.DecimalType;
import io.deltajdbc.engine.types.MapType;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small tables for DML tests, written by us or by delta-spark, with the oracle's view of them: rows
 * as sorted normalized text, history, and the actions of one commit.
 */
public final class DmlFixtures {
  /**
   * id, name, amount, ts, day, tags, info struct, attrs map, grp (the partition column when
   * partitioned).
   */
  public static final StructType SCHEMA =
      new StructType(
          List.of(
              new StructField("id", PrimitiveType.LONG, false),
              new StructField("name", PrimitiveType.STRING, true),
              new StructField("amount", new DecimalType(10, 2), true),
              new StructField("ts", PrimitiveType.TIMESTAMP, true),
              new StructField("day", PrimitiveType.DATE, true),
              new StructField("tags", new ArrayType(PrimitiveType.INTEGER, true), true),
              new StructField(
                  "info",
                  new StructType(
                      List.of(
                          new StructField("a", PrimitiveType.INTEGER, true),
                          new StructField("b", PrimitiveType.STRING, true))),
                  true),
              new StructField(
                  "attrs", new MapType(PrimitiveType.STRING, PrimitiveType.INTEGER, true), true),
              new StructField("grp", PrimitiveType.STRING, true)));

  private DmlFixtures() {}

  public static Row row(long id) {
    Map<String, Integer> attrs = new LinkedHashMap<>();
    attrs.put("k" + id % 3, (int) id);
    return Row.of(
        id,
        id % 7 == 0 ? null : "name-" + id,
        new BigDecimal(id * 3 + ".25"),
        Instant.parse("2024-01-01T00:00:00Z").plusSeconds(id * 3_600 + 1),
        LocalDate.of(2024, 1, 1).plusDays(id),
        List.of((int) id, (int) id + 1),
        Row.of((int) id * 10, "b" + id),
        attrs,
        "g" + id % 3);
  }

  /**
   * A table written by this engine in {@code files} commits of {@code perFile} rows each (ids from
   * 0), optionally partitioned by grp, with extra table properties.
   */
  public static DeltaTable ours(
      Path dir, boolean partitioned, int files, int perFile, Map<String, String> props) {
    TableSpec spec = partitioned ? TableSpec.of(SCHEMA, "grp") : TableSpec.of(SCHEMA);
    for (Map.Entry<String, String> e : props.entrySet()) {
      spec = spec.withProperty(e.getKey(), e.getValue());
    }
    DeltaTable t = DeltaTable.create(dir.toString(), DeltaTable.defaultConfiguration(), spec);
    long id = 0;
    for (int f = 0; f < files; f++) {
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < perFile; i++) {
        rows.add(row(id++));
      }
      Transaction txn = t.startTransaction();
      txn.write(rows.iterator());
      txn.commit(Operation.append());
    }
    return t;
  }

  /** The same rows written by delta-spark through SQL (CREATE TABLE, then one INSERT per file). */
  public static DeltaTable theirs(
      Path dir, boolean partitioned, int files, int perFile, Map<String, String> props) {
    StringBuilder tblProps = new StringBuilder();
    props.forEach(
        (k, v) ->
            tblProps
                .append(tblProps.length() == 0 ? "" : ", ")
                .append("'")
                .append(k)
                .append("' = '")
                .append(v)
                .append("'"));
    SparkOracle.spark()
        .sql(
            "CREATE TABLE delta.`"
                + dir
                + "` (id BIGINT NOT NULL, name STRING, amount DECIMAL(10,2), "
                + "ts TIMESTAMP, day DATE, tags ARRAY<INT>, info STRUCT<a: INT, b: STRING>, attrs MAP<STRING, INT>, grp STRING) "
                + "USING delta"
                + (partitioned ? " PARTITIONED BY (grp)" : "")
                + (tblProps.length() == 0 ? "" : " TBLPROPERTIES (" + tblProps + ")"));
    long id = 0;
    for (int f = 0; f < files; f++) {
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < perFile; i++) {
        rows.add(row(id++));
      }
      SparkOracle.spark()
          .createDataFrame(sparkRows(rows), sparkSchema())
          .coalesce(1)
          .write()
          .format("delta")
          .mode("append")
          .save(dir.toString());
    }
    return DeltaTable.forPath(dir.toString());
  }

  private static List<org.apache.spark.sql.Row> sparkRows(List<Row> rows) {
    List<org.apache.spark.sql.Row> out = new ArrayList<>();
    for (Row r : rows) {
      Object[] v = r.toArray();
      v[5] = scala.collection.JavaConverters.asScalaBuffer((List<?>) v[5]).toList();
      Row info = (Row) v[6];
      v[6] = org.apache.spark.sql.RowFactory.create(info.get(0), info.get(1));
      v[7] = scala.collection.JavaConverters.mapAsScalaMap((Map<?, ?>) v[7]);
      out.add(org.apache.spark.sql.RowFactory.create(v));
    }
    return out;
  }

  private static org.apache.spark.sql.types.StructType sparkSchema() {
    return (org.apache.spark.sql.types.StructType)
        org.apache.spark.sql.types.DataType.fromJson(
            io.deltajdbc.engine.types.SchemaJson.toJson(SCHEMA));
  }

  /** A copy of a table directory beside it. */
  public static Path copy(Path table, String name) {
    return TestData.copy(table, table.resolveSibling(name));
  }

  public static void sql(String statement) {
    SparkOracle.spark().sql(statement).collectAsList();
  }

  /** delta-spark's read of the latest version, as sorted normalized rows. */
  public static List<String> rows(Path table) {
    List<String> out = new ArrayList<>();
    for (Row r : SparkOracle.read(table.toString(), -1, SCHEMA)) {
      out.add(Normalized.row(r, SCHEMA));
    }
    out.sort(null);
    return out;
  }

  /** delta-spark's DESCRIBE HISTORY, newest first: operation names. */
  public static List<String> operations(Path table) {
    List<String> out = new ArrayList<>();
    for (org.apache.spark.sql.Row r :
        SparkOracle.spark()
            .sql("DESCRIBE HISTORY delta.`" + table + "`")
            .select("operation")
            .collectAsList()) {
      out.add(r.getString(0));
    }
    return out;
  }

  /** The actions of one commit file. */
  public static List<Action> commit(Path table, long version) {
    try {
      List<Action> out = new ArrayList<>();
      for (String line :
          Files.readAllLines(
              table.resolve("_delta_log").resolve(String.format("%020d.json", version)))) {
        Action a = ActionJson.parse(line);
        if (a != null) {
          out.add(a);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static long count(List<Action> actions, Class<? extends Action> kind) {
    return actions.stream().filter(kind::isInstance).count();
  }

  public static List<AddFile> adds(List<Action> actions) {
    return actions.stream().filter(AddFile.class::isInstance).map(AddFile.class::cast).toList();
  }

  public static List<RemoveFile> removes(List<Action> actions) {
    return actions.stream()
        .filter(RemoveFile.class::isInstance)
        .map(RemoveFile.class::cast)
        .toList();
  }
}
