package io.deltajdbc.engine.internal.changes;

import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.changes.ChangeColumns;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.files.FileRows;
import io.deltajdbc.engine.internal.scan.TableFileReader;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.SchemaJson;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The rows of planned {@link ChangeScan}s, one file open at a time: data files are read with the
 * table's columns, change data files with the table's columns and their {@code _change_type}.
 */
final class ChangeRows implements CloseableIterator<Row> {
  private final TableFileReader dataReader;
  private final TableFileReader changeReader;
  private final int width;
  private final Iterator<ChangeScan> scans;
  private ChangeScan scan;
  private FileRows open;
  private Row next;

  ChangeRows(
      String table, Path root, Configuration conf, Metadata metadata, List<ChangeScan> scans) {
    this.dataReader = TableFileReader.allColumns(conf, root, table, metadata);
    this.changeReader =
        TableFileReader.allColumns(conf, root, table, withChangeTypeColumn(metadata));
    this.width = dataReader.schema().size();
    this.scans = scans.iterator();
  }

  /**
   * The metadata with a {@code _change_type} string column after the others, as change data files
   * hold it (under its own name: delta-spark writes it without a column mapping).
   */
  private static Metadata withChangeTypeColumn(Metadata m) {
    List<StructField> fields = new ArrayList<>(m.parseSchema().fields());
    fields.add(
        new StructField(
            ChangeColumns.CHANGE_TYPE,
            PrimitiveType.STRING,
            true,
            new StructField.FieldMetadata(
                Map.of(StructField.COLUMN_MAPPING_PHYSICAL_NAME_KEY, ChangeColumns.CHANGE_TYPE))));
    return new Metadata(
        m.id(),
        m.name(),
        m.description(),
        m.format(),
        SchemaJson.toJson(new StructType(fields)),
        m.partitionColumns(),
        m.createdTime(),
        m.configuration());
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      if (open == null) {
        if (!scans.hasNext()) {
          return false;
        }
        scan = scans.next();
        open = (scan.isChangeDataFile() ? changeReader : dataReader).open(scan.file());
      }
      if (!open.hasNext()) {
        open.close();
        open = null;
        continue;
      }
      Row r = open.next();
      if (scan.marked() != null) {
        long index = open.rowIndex();
        if (!scan.marked().contains(index)
            || (scan.unmarked() != null && scan.unmarked().contains(index))) {
          continue;
        }
      }
      next = changeRow(r);
    }
    return true;
  }

  private Row changeRow(Row r) {
    Object[] values = new Object[width + 3];
    for (int i = 0; i < width; i++) {
      values[i] = r.get(i);
    }
    values[width] = scan.isChangeDataFile() ? r.get(width) : scan.changeType();
    values[width + 1] = scan.version();
    values[width + 2] = scan.timestamp();
    return Row.wrap(values);
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row r = next;
    next = null;
    return r;
  }

  @Override
  public void close() {
    if (open != null) {
      open.close();
      open = null;
    }
  }
}
