package io.deltajdbc.tools.bench.workload;

import io.deltajdbc.tools.bench.Harness.Side;
import io.deltajdbc.tools.bench.peer.SparkPeer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * DML through the driver against delta-spark on the same SparkSession (our UPDATE and MERGE run on
 * it too): INSERT of N rows through one {@code executeBatch} (delta-spark: the same rows as a
 * DataFrame appended from the client's memory, its fastest path for rows a client holds), and the
 * same UPDATE and MERGE SQL on two identical copies of an M-row table. Each round rewrites the same
 * rows to the same values (both statements are idempotent); after each statement the two copies are
 * compared row for row.
 */
public final class Dml implements Workload {
  @Override
  public String name() {
    return "dml";
  }

  @Override
  public void run(BenchContext ctx) throws Exception {
    SparkSession spark = ctx.spark().session();
    Path warehouse = ctx.work().resolve("dml");
    int insertRows = ctx.scale().insertRows();
    long tableRows = ctx.scale().dmlTableRows();

    StructType schema =
        new StructType()
            .add("id", DataTypes.LongType)
            .add("qty", DataTypes.IntegerType)
            .add("name", DataTypes.StringType);
    List<Row> rows = new ArrayList<>(insertRows);
    for (int i = 0; i < insertRows; i++) {
      rows.add(RowFactory.create((long) i, i % 1000, "name-" + i));
    }
    String insSpark = warehouse.resolve("ins_spark").toString();
    spark.sql(
        "CREATE TABLE "
            + SparkPeer.table(insSpark)
            + " (id BIGINT, qty INT, name STRING) USING delta");
    try (Connection c = Jdbc.connect(warehouse)) {
      Jdbc.update(c, "CREATE TABLE ins (id BIGINT, qty INT, name STRING)");
    }
    ctx.harness()
        .compare(
            String.format(Locale.ROOT, "INSERT %,d rows", insertRows),
            "new table",
            "one executeBatch / DataFrame append",
            Side.of(
                Jdbc.NAME,
                () -> {
                  try (Connection c = Jdbc.connect(warehouse);
                      PreparedStatement ps =
                          c.prepareStatement("INSERT INTO ins VALUES (?, ?, ?)")) {
                    for (int i = 0; i < insertRows; i++) {
                      ps.setLong(1, i);
                      ps.setInt(2, i % 1000);
                      ps.setString(3, "name-" + i);
                      ps.addBatch();
                    }
                    long n = 0;
                    for (int k : ps.executeBatch()) {
                      n += k;
                    }
                    return n;
                  }
                }),
            Side.of(
                SparkPeer.NAME,
                () -> {
                  spark
                      .createDataFrame(rows, schema)
                      .write()
                      .format("delta")
                      .mode("append")
                      .save(insSpark);
                  return rows.size();
                }));

    // two identical copies of the table that UPDATE and MERGE change, and MERGE's source: 1% of
    // the rows matched, as many new (inserted by the first round, matched by the next)
    for (String t : List.of("upd", "upd_spark")) {
      spark
          .range(tableRows)
          .selectExpr("id", "CAST(id % 1000 AS INT) AS qty", "concat('name-', id) AS name")
          .repartition(8)
          .write()
          .format("delta")
          .save(warehouse.resolve(t).toString());
    }
    spark
        .range(tableRows / 100)
        .selectExpr(
            "IF(id % 2 = 0, id * 100 + 3, " + tableRows + " + id) AS id",
            "CAST(id % 7 AS INT) AS qty",
            "concat('merged-', id) AS name")
        .write()
        .format("delta")
        .save(warehouse.resolve("src").toString());
    String updSpark = SparkPeer.table(warehouse.resolve("upd_spark").toString());
    String src = SparkPeer.table(warehouse.resolve("src").toString());
    // idempotent, so that the profiler's extra rounds of our side leave the copies comparable
    String update = "UPDATE {t} SET qty = CAST(id % 997 AS INT) WHERE id % 100 = 7";
    String merge =
        "MERGE INTO {t} AS t USING {s} AS s ON t.id = s.id "
            + "WHEN MATCHED THEN UPDATE SET qty = s.qty, name = s.name "
            + "WHEN NOT MATCHED THEN INSERT (id, qty, name) VALUES (s.id, s.qty, s.name)";
    String dataset = String.format(Locale.ROOT, "%,d rows, 8 files", tableRows);
    try (Connection c = Jdbc.connect(warehouse)) {
      ctx.harness()
          .compare(
              "UPDATE 1% of the rows",
              dataset,
              "every file touched",
              cmp ->
                  "rows differing between the two copies afterwards: "
                      + differing(spark, warehouse),
              Side.of(Jdbc.NAME, () -> Jdbc.update(c, update.replace("{t}", "upd"))),
              Side.of(
                  SparkPeer.NAME, () -> spark.sql(update.replace("{t}", updSpark)).first().get(0)));
      ctx.harness()
          .compare(
              "MERGE 1% updated, 1% inserted",
              dataset,
              "source: a Delta table",
              cmp ->
                  "rows differing between the two copies afterwards: "
                      + differing(spark, warehouse),
              Side.of(
                  Jdbc.NAME,
                  () -> Jdbc.update(c, merge.replace("{t}", "upd").replace("{s}", "src"))),
              Side.of(
                  SparkPeer.NAME,
                  () ->
                      spark
                          .sql(merge.replace("{t}", updSpark).replace("{s}", src))
                          .first()
                          .get(0)));
    }
  }

  private static long differing(SparkSession spark, Path warehouse) {
    var ours = spark.read().format("delta").load(warehouse.resolve("upd").toString());
    var theirs = spark.read().format("delta").load(warehouse.resolve("upd_spark").toString());
    return ours.exceptAll(theirs).count() + theirs.exceptAll(ours).count();
  }
}
