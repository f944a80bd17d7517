package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.files.DataFileReader;
import io.deltajdbc.engine.files.TableFiles;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;

/**
 * The partition values of files, one row per file (partition columns, then {@link FileScan#FILE}),
 * built on the driver from the log alone. A condition that resolves against it refers to partition
 * columns only and selects whole files without reading them (as Delta does for such deletes).
 */
final class PartitionFrame {
  private PartitionFrame() {}

  /**
   * The paths of the files whose partition satisfies the condition, or empty when it names other
   * columns.
   */
  static Optional<Set<String>> matchingFiles(
      SparkSession spark,
      TableFiles table,
      StructType schema,
      List<String> partitionColumns,
      List<AddFile> files,
      String condition) {
    if (partitionColumns.isEmpty() || files.isEmpty()) {
      return Optional.empty();
    }
    Set<String> partitions = new HashSet<>();
    partitionColumns.forEach(p -> partitions.add(p.toLowerCase(Locale.ROOT)));
    List<StructField> fields = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < schema.size(); i++) {
      if (partitions.contains(schema.field(i).name().toLowerCase(Locale.ROOT))) {
        fields.add(schema.field(i));
        indexes.add(i);
      }
    }
    StructType partSchema = new StructType(fields);
    DataFileReader reader = table.reader();
    List<Row> rows = new ArrayList<>(files.size());
    for (AddFile f : files) {
      Object[] all = reader.partitionValues(f);
      Object[] values = new Object[fields.size() + 1];
      for (int k = 0; k < indexes.size(); k++) {
        values[k] = all[indexes.get(k)];
      }
      values[fields.size()] = f.path();
      rows.add(Row.wrap(values));
    }
    List<StructField> withFile = new ArrayList<>(fields);
    withFile.add(
        new StructField(FileScan.FILE, io.deltajdbc.engine.types.PrimitiveType.STRING, true));
    Dataset<org.apache.spark.sql.Row> frame =
        SparkRows.of(spark, new StructType(withFile), rows, table.tablePath());
    Dataset<org.apache.spark.sql.Row> matched;
    try {
      matched = frame.filter(condition);
    } catch (Exception e) {
      if (e instanceof AnalysisException
          && !(e instanceof org.apache.spark.sql.catalyst.parser.ParseException)) {
        return Optional.empty(); // names a data column
      }
      throw e;
    }
    Set<String> out = new HashSet<>();
    for (org.apache.spark.sql.Row r : matched.select(FileScan.FILE).collectAsList()) {
      out.add(r.getString(0));
    }
    return Optional.of(out);
  }
}
