package io.deltajdbc.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A Spark application that reads a warehouse through Spark's JDBC data source with the delta-jdbc
 * driver; run by {@link SparkJdbcSourceIT} in a JVM of its own whose class path is Spark's, with
 * the standalone jar last. Uses nothing of this project but the driver's class name, and prints
 * what it read, one {@code ROW} line per row.
 */
public final class SparkJdbcReads {
  private SparkJdbcReads() {}

  public static void main(String[] args) throws SQLException {
    String url = args[0];
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("delta-jdbc through Spark's JDBC source")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.warehouse.dir", args[1])
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    try {
      Dataset<Row> table = jdbc(spark, url).option("dbtable", "orders").load();
      System.out.println("SCHEMA dbtable " + table.schema().simpleString());
      print(
          "dbtable",
          table.orderBy("id").select("id", "customer", "amount", "day", "region").collectAsList());
      Dataset<Row> query = jdbc(spark, url).option("query", SparkJdbcSourceIT.QUERY).load();
      System.out.println("SCHEMA query " + query.schema().simpleString());
      print("query", query.orderBy("region").collectAsList());
      Dataset<Row> partitioned =
          jdbc(spark, url)
              .option("dbtable", "orders")
              .option("partitionColumn", "id")
              .option("lowerBound", "0")
              .option("upperBound", "100")
              .option("numPartitions", "4")
              .load();
      System.out.println("PARTITIONS " + partitioned.rdd().getNumPartitions());
      print(
          "partitioned",
          partitioned
              .orderBy("id")
              .select("id", "customer", "amount", "day", "region")
              .collectAsList());
      print(
          "filtered",
          partitioned
              .where("amount > 100 AND region = 'north'")
              .orderBy("id")
              .select("id")
              .collectAsList());
      // DML through the driver in the same application: it runs on this application's SparkSession
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement()) {
        System.out.println("UPDATED " + s.executeUpdate(SparkJdbcSourceIT.UPDATE));
      }
      print(
          "updated",
          jdbc(spark, url)
              .option("dbtable", "orders")
              .load()
              .orderBy("id")
              .select("id", "amount")
              .collectAsList());
    } finally {
      spark.stop();
    }
  }

  private static DataFrameReader jdbc(SparkSession spark, String url) {
    return spark
        .read()
        .format("jdbc")
        .option("url", url)
        .option("driver", "io.deltajdbc.jdbc.DeltaDriver");
  }

  private static void print(String label, List<Row> rows) {
    for (Row r : rows) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        Object v = r.get(i);
        values.add(v instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(v));
      }
      System.out.println("ROW " + label + " " + String.join("|", values));
    }
  }
}
