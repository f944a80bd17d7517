package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.catalyst.encoders.RowEncoder;

/** Datasets of rows given by the engine (a MERGE source, partition values of files). */
final class SparkRows {
  private SparkRows() {}

  /**
   * Spark's row encoder in lenient mode: dates and timestamps are accepted as {@code java.time}
   * values whatever the session's {@code spark.sql.datetime.java8API.enabled}.
   */
  static Encoder<org.apache.spark.sql.Row> encoder(org.apache.spark.sql.types.StructType schema) {
    return ExpressionEncoder.apply(RowEncoder.encoderFor(schema, true));
  }

  static Dataset<org.apache.spark.sql.Row> of(
      SparkSession spark, StructType schema, List<Row> rows, String tablePath) {
    List<org.apache.spark.sql.Row> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      if (r.size() != schema.size()) {
        throw io.deltajdbc.engine.DeltaErrors.invalidArgument(
            "A row of "
                + r.size()
                + " values was given for "
                + schema.size()
                + " columns ("
                + String.join(", ", schema.fieldNames())
                + ").");
      }
      out.add(SparkValues.toSpark(r, schema));
    }
    return spark.createDataset(out, encoder(SparkValues.schema(schema, tablePath)));
  }
}
