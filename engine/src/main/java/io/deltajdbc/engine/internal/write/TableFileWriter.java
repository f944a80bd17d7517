package io.deltajdbc.engine.internal.write;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.EngineConfig;
import io.deltajdbc.engine.actions.AddCDCFile;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.FileAction;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.actions.PartitionValues;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.files.DataFileWriter;
import io.deltajdbc.engine.internal.columnmapping.ColumnMapping;
import io.deltajdbc.engine.internal.parquet.ParquetRowWriter;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Writes rows of a table's schema into new Parquet data files: one or more per partition, under
 * Hive-style directories, partition columns left out of the files (their values live in the log),
 * NOT NULL columns enforced, each file with its statistics. With {@link #writeWithChanges} it also
 * writes change data files (protocol: "Change Data Files"): the rows whose change type is set go to
 * {@code _change_data/} files, partitioned as the data, with a {@code _change_type} column and no
 * statistics, as delta-spark writes them. Nothing is committed here: the caller commits the
 * returned actions, and on failure the files written so far are deleted.
 */
public final class TableFileWriter implements DataFileWriter {
  private static final int SIZE_CHECK_INTERVAL = 1000;
  private static final String CHANGE_DATA_DIR = "_change_data/";

  private final Configuration conf;
  private final Path root;
  private final String tablePath;
  private final StructType schema;
  private final int[] partitionIndexes;
  private final int[] dataIndexes;
  private final List<String> partitionKeys = new ArrayList<>();
  private final List<String> partitionDirNames = new ArrayList<>();
  private final StructType dataSchema;
  private final StructType changeSchema;
  private final ColumnMapping mapping;
  private final WriteOptions options;
  private final ZoneId zone;
  private final boolean tightBounds;

  public TableFileWriter(
      Configuration conf, Path root, String tablePath, Metadata metadata, boolean deletionVectors) {
    this.conf = conf;
    this.root = root;
    this.tablePath = tablePath;
    this.schema = metadata.parseSchema();
    this.mapping = ColumnMapping.of(metadata);
    this.options = WriteOptions.of(metadata, conf);
    this.zone = EngineConfig.partitionTimeZone(conf);
    this.tightBounds = deletionVectors;
    List<String> partitions =
        metadata.partitionColumns().stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    List<Integer> pIdx = new ArrayList<>();
    for (String p : metadata.partitionColumns()) {
      int i = schema.indexOf(p);
      if (i < 0) {
        throw DeltaErrors.columnNotFound(tablePath, p, schema.fieldNames());
      }
      pIdx.add(i);
      partitionKeys.add(mapping.physicalName(schema.field(i)));
      partitionDirNames.add(
          mapping.isEnabled() ? schema.field(i).physicalName() : schema.field(i).name());
    }
    List<Integer> dIdx = new ArrayList<>();
    List<StructField> data = new ArrayList<>();
    for (int i = 0; i < schema.size(); i++) {
      if (!partitions.contains(schema.field(i).name().toLowerCase(Locale.ROOT))) {
        dIdx.add(i);
        data.add(schema.field(i));
      }
    }
    this.partitionIndexes = pIdx.stream().mapToInt(Integer::intValue).toArray();
    this.dataIndexes = dIdx.stream().mapToInt(Integer::intValue).toArray();
    this.dataSchema = new StructType(data);
    List<StructField> withChangeType = new ArrayList<>(data);
    withChangeType.add(new StructField(CHANGE_TYPE, PrimitiveType.STRING, true));
    this.changeSchema = new StructType(withChangeType);
  }

  /**
   * Writes the rows (values in the table schema's order) and returns the new files' add actions.
   */
  @Override
  public List<AddFile> write(Iterator<Row> rows) {
    return writeRows(rows, false).stream().map(AddFile.class::cast).toList();
  }

  @Override
  public List<FileAction> writeWithChanges(Iterator<Row> rows) {
    return writeRows(rows, true);
  }

  private List<FileAction> writeRows(Iterator<Row> rows, boolean withChanges) {
    Map<FileKey, OpenFile> open = new HashMap<>();
    List<FileAction> done = new ArrayList<>();
    List<Path> written = new ArrayList<>();
    boolean ok = false;
    try {
      while (rows.hasNext()) {
        Row next = rows.next();
        String changeType = withChanges ? (String) next.get(schema.size()) : null;
        Row row = conform(withChanges ? columns(next) : next);
        List<String> pv = new ArrayList<>(partitionIndexes.length);
        for (int i : partitionIndexes) {
          pv.add(PartitionValues.encode(row.get(i), zone));
        }
        FileKey key = new FileKey(pv, changeType != null);
        OpenFile f = open.get(key);
        if (f == null) {
          f = new OpenFile(pv, key.change());
          written.add(f.path);
          open.put(key, f);
        }
        f.write(fileRow(row, changeType));
        if (f.rows % SIZE_CHECK_INTERVAL == 0
            && f.writer.getDataSize() >= options.targetFileBytes()) {
          done.add(f.close());
          open.remove(key);
        }
      }
      for (OpenFile f : open.values()) {
        done.add(f.close());
      }
      ok = true;
      return done;
    } catch (IOException e) {
      throw DeltaErrors.storage("writing data files of", tablePath, e);
    } finally {
      if (!ok) {
        abort(open.values(), written);
      }
    }
  }

  private void abort(Iterable<OpenFile> open, List<Path> written) {
    for (OpenFile f : open) {
      try {
        f.writer.close();
      } catch (IOException | RuntimeException ignored) {
        // the file is deleted next
      }
    }
    for (Path p : written) {
      try {
        p.getFileSystem(conf).delete(p, false);
      } catch (IOException ignored) {
        // an unreferenced file is invisible to readers; VACUUM removes it
      }
    }
  }

  /** Checks NOT NULL and brings numbers to their columns' classes. */
  private Row conform(Row row) {
    if (row.size() != schema.size()) {
      throw DeltaErrors.invalidArgument(
          "A row for table "
              + tablePath
              + " has "
              + row.size()
              + " values; the table has "
              + schema.size()
              + " columns ("
              + String.join(", ", schema.fieldNames())
              + ").");
    }
    Object[] values = row.toArray();
    conform(values, schema, "");
    return Row.wrap(values);
  }

  private void conform(Object[] values, StructType type, String prefix) {
    for (int i = 0; i < type.size(); i++) {
      StructField f = type.field(i);
      String column = prefix + f.name();
      if (values[i] == null) {
        if (!f.nullable()) {
          throw DeltaErrors.notNullViolation(tablePath, column);
        }
        continue;
      }
      if (f.type() instanceof StructType s && values[i] instanceof Row r) {
        Object[] nested = r.toArray();
        conform(nested, s, column + ".");
        values[i] = Row.wrap(nested);
        continue;
      }
      Object c = ValueCoercion.coerce(values[i], f.type());
      if (!ValueCoercion.fits(c)) {
        throw ValueCoercion.outOfRange(values[i], f.type())
            ? DeltaErrors.valueOutOfRange(
                tablePath, column, values[i], f.type(), !(values[i] instanceof Number))
            : DeltaErrors.valueDoesNotFit(tablePath, column, values[i], f.type());
      }
      values[i] = c;
    }
  }

  /** The table's columns of a row that also holds its change type. */
  private Row columns(Row row) {
    Object[] out = new Object[schema.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = row.get(i);
    }
    return Row.wrap(out);
  }

  /** The values a file stores: the data columns, and for a change file the change type. */
  private Row fileRow(Row row, String changeType) {
    Object[] out = new Object[dataIndexes.length + (changeType == null ? 0 : 1)];
    for (int i = 0; i < dataIndexes.length; i++) {
      out[i] = row.get(dataIndexes[i]);
    }
    if (changeType != null) {
      out[dataIndexes.length] = changeType;
    }
    return Row.wrap(out);
  }

  /** The file a row goes to: its partition, and whether it is a change row. */
  private record FileKey(List<String> partitionValues, boolean change) {}

  /** One data or change data file being written. */
  private final class OpenFile {
    final List<String> partitionValues;
    final boolean change;
    final String relative;
    final Path path;
    final ParquetWriter<Row> writer;
    final StatsCollector stats;
    long rows;

    OpenFile(List<String> partitionValues, boolean change) throws IOException {
      this.partitionValues = partitionValues;
      this.change = change;
      String name =
          (change ? "cdc-00000-" : "part-00000-")
              + UUID.randomUUID()
              + "-c000"
              + options.codec().getExtension()
              + ".parquet";
      String dir =
          partitionIndexes.length == 0
              ? ""
              : PartitionPaths.directory(partitionDirNames, partitionValues) + "/";
      this.relative = (change ? CHANGE_DATA_DIR : "") + dir + name;
      this.path = new Path(root, relative);
      this.writer =
          ParquetRowWriter.create(
              conf, path, change ? changeSchema : dataSchema, mapping.isEnabled(), options.codec());
      this.stats =
          change
              ? null
              : new StatsCollector(
                  dataSchema,
                  mapping.isEnabled(),
                  options.numIndexedCols(),
                  options.stringPrefix(),
                  tightBounds);
    }

    void write(Row fileRow) throws IOException {
      writer.write(fileRow);
      if (stats != null) {
        stats.add(fileRow);
      }
      rows++;
    }

    FileAction close() throws IOException {
      writer.close();
      FileSystem fs = path.getFileSystem(conf);
      FileStatus status = fs.getFileStatus(path);
      Map<String, String> pv = new LinkedHashMap<>();
      for (int i = 0; i < partitionKeys.size(); i++) {
        pv.put(partitionKeys.get(i), partitionValues.get(i));
      }
      if (change) {
        return new AddCDCFile(encode(relative), pv, status.getLen(), false, null);
      }
      return new AddFile(
          encode(relative),
          pv,
          status.getLen(),
          status.getModificationTime(),
          true,
          stats.toJson(),
          null,
          null,
          null,
          null,
          null);
    }
  }

  /** The URI-encoded relative path the log stores (protocol: "Add File and Remove File"). */
  static String encode(String relative) {
    try {
      return new URI(null, null, relative, null).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot encode " + relative, e);
    }
  }
}
