package io.deltajdbc.engine.testing;

import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.types.ArrayType;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.MapType;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;

/**
 * Delta Lake's own implementation (delta-spark on an embedded Spark), the oracle of the interop
 * tests. One session per test JVM, UTC, Java 8 time types, two local threads.
 */
public final class SparkOracle {
  private static SparkSession session;

  private SparkOracle() {}

  public static synchronized SparkSession spark() {
    if (session == null) {
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("delta-jdbc-oracle")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.default.parallelism", "2")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.sql.datetime.java8API.enabled", "true")
              .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
              .config(
                  "spark.sql.catalog.spark_catalog",
                  "org.apache.spark.sql.delta.catalog.DeltaCatalog")
              .config("spark.databricks.delta.snapshotPartitions", "2")
              .config(
                  "spark.sql.warehouse.dir",
                  System.getProperty("java.io.tmpdir") + "/delta-jdbc-spark-warehouse")
              .getOrCreate();
    }
    return session;
  }

  /** Delta's read of a table (latest, or at a version when {@code version >= 0}) as engine rows. */
  public static List<Row> read(String path, long version, StructType schema) {
    var reader = spark().read().format("delta");
    if (version >= 0) {
      reader = reader.option("versionAsOf", version);
    }
    Dataset<org.apache.spark.sql.Row> df = reader.load(path);
    List<String> names = schema.fieldNames();
    Dataset<org.apache.spark.sql.Row> ordered =
        df.selectExpr(names.stream().map(n -> "`" + n + "`").toArray(String[]::new));
    List<Row> out = new ArrayList<>();
    for (org.apache.spark.sql.Row r : ordered.collectAsList()) {
      out.add(toEngine(r, schema));
    }
    return out;
  }

  /** Appends engine rows to a Delta table through delta-spark (creating it when absent). */
  public static void append(
      String path, List<Row> rows, StructType schema, List<String> partitionColumns) {
    org.apache.spark.sql.types.StructType sparkSchema =
        (org.apache.spark.sql.types.StructType)
            org.apache.spark.sql.types.DataType.fromJson(
                io.deltajdbc.engine.types.SchemaJson.toJson(schema));
    List<org.apache.spark.sql.Row> sparkRows = new ArrayList<>();
    for (Row r : rows) {
      sparkRows.add(toSpark(r, schema));
    }
    spark()
        .createDataFrame(sparkRows, sparkSchema)
        .write()
        .format("delta")
        .mode("append")
        .partitionBy(partitionColumns.toArray(String[]::new))
        .save(path);
  }

  private static org.apache.spark.sql.Row toSpark(Row r, StructType schema) {
    Object[] values = new Object[schema.size()];
    for (int i = 0; i < values.length; i++) {
      Object v = r.get(i);
      values[i] =
          v instanceof Row nested ? toSpark(nested, (StructType) schema.field(i).type()) : v;
    }
    return org.apache.spark.sql.RowFactory.create(values);
  }

  /** A Spark row as an engine row of the given schema (Java 8 time types are on). */
  public static Row toEngine(org.apache.spark.sql.Row r, StructType schema) {
    Object[] values = new Object[schema.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = value(r.isNullAt(i) ? null : r.get(i), schema.field(i).type());
    }
    return Row.wrap(values);
  }

  private static Object value(Object v, DataType type) {
    if (v == null) {
      return null;
    }
    if (type instanceof StructType s) {
      return toEngine((org.apache.spark.sql.Row) v, s);
    }
    if (type instanceof ArrayType a) {
      List<Object> out = new ArrayList<>();
      scala.collection.Iterator<?> it = ((scala.collection.Seq<?>) v).iterator();
      while (it.hasNext()) {
        out.add(value(it.next(), a.elementType()));
      }
      return out;
    }
    if (type instanceof MapType m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      scala.collection.Iterator<? extends scala.Tuple2<?, ?>> it =
          ((scala.collection.Map<?, ?>) v).iterator();
      while (it.hasNext()) {
        scala.Tuple2<?, ?> e = it.next();
        out.put(value(e._1(), m.keyType()), value(e._2(), m.valueType()));
      }
      return out;
    }
    return v;
  }
}
