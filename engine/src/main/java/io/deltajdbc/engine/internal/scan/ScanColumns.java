package io.deltajdbc.engine.internal.scan;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.expressions.Column;
import io.deltajdbc.engine.internal.columnmapping.ColumnMapping;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The columns of a scan: the output the caller asked for, the read columns (output plus the
 * filter's other columns, in that order), and for each read column where its values come from (the
 * Parquet file, or the file's partition values).
 */
final class ScanColumns {
  private final String tablePath;
  private final StructType output;
  private final StructType read;
  private final StructType dataSchema;
  private final int[] dataIndex;
  private final String[] partitionKey;
  private final ColumnMapping mapping;

  ScanColumns(
      String tablePath,
      StructType table,
      List<String> partitionColumns,
      ColumnMapping mapping,
      List<String> requested,
      List<Column> filterColumns) {
    this.tablePath = tablePath;
    this.mapping = mapping;
    List<String> names = requested == null ? table.fieldNames() : requested;
    this.output = select(table, names);
    Set<String> readNames = new LinkedHashSet<>();
    output.fields().forEach(f -> readNames.add(f.name()));
    for (Column c : filterColumns) {
      resolve(table, c);
      readNames.add(table.get(c.topLevel()).get().name());
    }
    this.read = select(table, new ArrayList<>(readNames));
    Set<String> partitions = new java.util.HashSet<>();
    partitionColumns.forEach(p -> partitions.add(p.toLowerCase(Locale.ROOT)));
    this.dataIndex = new int[read.size()];
    this.partitionKey = new String[read.size()];
    List<StructField> data = new ArrayList<>();
    for (int i = 0; i < read.size(); i++) {
      StructField f = read.field(i);
      if (partitions.contains(f.name().toLowerCase(Locale.ROOT))) {
        dataIndex[i] = -1;
        partitionKey[i] = mapping.physicalName(f);
      } else {
        dataIndex[i] = data.size();
        data.add(f);
      }
    }
    this.dataSchema = mapping.readSchema(new StructType(data));
  }

  private StructType select(StructType table, List<String> names) {
    List<StructField> out = new ArrayList<>(names.size());
    for (String n : names) {
      out.add(
          table
              .get(n)
              .orElseThrow(() -> DeltaErrors.columnNotFound(tablePath, n, table.fieldNames())));
    }
    return new StructType(out);
  }

  /** The field a column reference reads, checked against the schema. */
  StructField resolve(StructType schema, Column c) {
    StructType s = schema;
    StructField f = null;
    for (String name : c.path()) {
      if (s == null) {
        throw DeltaErrors.columnNotFound(tablePath, c.toString(), schema.fieldNames());
      }
      f =
          s.get(name)
              .orElseThrow(
                  () -> DeltaErrors.columnNotFound(tablePath, c.toString(), schema.fieldNames()));
      s = f.type() instanceof StructType st ? st : null;
    }
    return f;
  }

  /** The physical path of a column in statistics, and its type. */
  StatsPath statsPath(Column c) {
    StructType s = read;
    List<String> path = new ArrayList<>();
    DataType type = null;
    for (String name : c.path()) {
      if (s == null) {
        return null;
      }
      StructField f = s.get(name).orElse(null);
      if (f == null) {
        return null;
      }
      path.add(mapping.physicalName(f));
      type = f.type();
      s = type instanceof StructType st ? st : null;
    }
    return new StatsPath(path, type);
  }

  record StatsPath(List<String> physical, DataType type) {}

  /** The value of a column in a read row. */
  Object value(Row row, Column c) {
    int i = read.indexOf(c.topLevel());
    Object v = row.get(i);
    StructType s = read.field(i).type() instanceof StructType st ? st : null;
    for (int k = 1; k < c.path().size() && v != null; k++) {
      int j = s.indexOf(c.path().get(k));
      v = ((Row) v).get(j);
      s = s.field(j).type() instanceof StructType st ? st : null;
    }
    return v;
  }

  /** The position among the read columns of a top-level column (batches hold flat columns only). */
  int readIndex(Column c) {
    return read.indexOf(c.topLevel());
  }

  /** True when the column is a partition column. */
  boolean isPartition(Column c) {
    int i = read.indexOf(c.topLevel());
    return i >= 0 && dataIndex[i] < 0;
  }

  StructType output() {
    return output;
  }

  StructType read() {
    return read;
  }

  /** The schema handed to the Parquet reader: the read columns stored in data files. */
  StructType dataSchema() {
    return dataSchema;
  }

  int dataIndex(int readIndex) {
    return dataIndex[readIndex];
  }

  String partitionKey(int readIndex) {
    return partitionKey[readIndex];
  }
}
