package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.actions.ActionJson;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.files.DataFileReader;
import io.deltajdbc.engine.files.FileRows;
import io.deltajdbc.engine.files.TableFiles;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The rows of some data files of a table as a Spark Dataset, read in Spark tasks by the engine's
 * own reader (column mapping, partition values from the log, deletion vectors applied): the table's
 * columns under their logical names, then the file's path as the log names it ({@link #FILE}) and
 * the row's position in the file ({@link #ROW_INDEX}). One task per file.
 */
final class FileScan {
  static final String FILE = "__delta_jdbc_file";
  static final String ROW_INDEX = "__delta_jdbc_row_index";
  private static final int MAX_TASKS = 10_000;

  private FileScan() {}

  static Dataset<org.apache.spark.sql.Row> of(
      SparkSession spark, TableFiles table, StructType schema, Collection<AddFile> files) {
    return of(spark, table, schema, files, null);
  }

  /**
   * As {@link #of(SparkSession, TableFiles, StructType, Collection)}, reading only the columns
   * named in {@code columns} (schema order, as the schema spells them), or all when it is null. The
   * rows are handed to Spark in its internal form: no external rows, no encoder.
   */
  static Dataset<org.apache.spark.sql.Row> of(
      SparkSession spark,
      TableFiles table,
      StructType schema,
      Collection<AddFile> files,
      List<String> columns) {
    StructType read = columns == null ? schema : select(schema, columns);
    List<String> json = files.stream().map(ActionJson::toJson).toList();
    JavaRDD<String> rdd =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(json, Math.max(1, Math.min(json.size(), MAX_TASKS)));
    JavaRDD<InternalRow> rows = rdd.mapPartitions(new ReadFiles(table, columns));
    return spark.internalCreateDataFrame(rows.rdd(), schema(read, table.tablePath()), false);
  }

  private static StructType select(StructType schema, List<String> columns) {
    List<io.deltajdbc.engine.types.StructField> out = new ArrayList<>();
    for (String c : columns) {
      out.add(schema.get(c).orElseThrow());
    }
    return new StructType(out);
  }

  static org.apache.spark.sql.types.StructType schema(StructType schema, String tablePath) {
    return SparkValues.schema(schema, tablePath)
        .add(
            new StructField(
                FILE, DataTypes.StringType, false, org.apache.spark.sql.types.Metadata.empty()))
        .add(
            new StructField(
                ROW_INDEX, DataTypes.LongType, false, org.apache.spark.sql.types.Metadata.empty()));
  }

  /** The task: reads its files one after the other; the open file is closed when the task ends. */
  private static final class ReadFiles implements FlatMapFunction<Iterator<String>, InternalRow> {
    private static final long serialVersionUID = 1L;
    private final TableFiles table;
    private final List<String> columns;

    ReadFiles(TableFiles table, List<String> columns) {
      this.table = table;
      this.columns = columns == null ? null : List.copyOf(columns);
    }

    @Override
    public Iterator<InternalRow> call(Iterator<String> files) {
      DataFileReader reader = columns == null ? table.reader() : table.reader(columns);
      FileIterator it = new FileIterator(reader, files);
      TaskContext task = TaskContext.get();
      if (task != null) {
        task.addTaskCompletionListener(
            (org.apache.spark.util.TaskCompletionListener) ctx -> it.close());
      }
      return it;
    }
  }

  private static final class FileIterator implements Iterator<InternalRow> {
    private final DataFileReader reader;
    private final Iterator<String> files;
    private final InternalValues.ToInternal[] convert;
    private FileRows current;
    private UTF8String currentPath;

    FileIterator(DataFileReader reader, Iterator<String> files) {
      this.reader = reader;
      this.files = files;
      this.convert = InternalValues.toInternal(reader.schema());
    }

    @Override
    public boolean hasNext() {
      while (current == null || !current.hasNext()) {
        close();
        if (!files.hasNext()) {
          return false;
        }
        AddFile add = (AddFile) ActionJson.parse(files.next());
        currentPath = UTF8String.fromString(add.path());
        current = reader.open(add);
      }
      return true;
    }

    @Override
    public InternalRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row row = current.next();
      int n = convert.length;
      Object[] values = new Object[n + 2];
      for (int i = 0; i < n; i++) {
        Object v = row.get(i);
        values[i] = v == null ? null : convert[i].apply(v);
      }
      values[n] = currentPath;
      values[n + 1] = current.rowIndex();
      return new GenericInternalRow(values);
    }

    void close() {
      if (current != null) {
        current.close();
        current = null;
      }
    }
  }
}
