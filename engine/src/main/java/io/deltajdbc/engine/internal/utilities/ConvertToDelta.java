package io.deltajdbc.engine.internal.utilities;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.EngineConfig;
import io.deltajdbc.engine.ErrorCode;
import io.deltajdbc.engine.actions.ActionJson;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.internal.txn.TableCreator;
import io.deltajdbc.engine.internal.write.FileStatistics;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.OperationName;
import io.deltajdbc.engine.txn.TableSpec;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import io.deltajdbc.engine.utilities.ConvertRequest;
import io.deltajdbc.engine.utilities.ConvertResult;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * CONVERT TO DELTA of a Parquet folder, as delta-spark's {@code ConvertToDeltaCommand} does it with
 * a manual listing: every file below the folder except hidden names ({@code _} or {@code .}
 * prefixes; directories holding {@code =} are partitions and stay), its footer's schema (all fields
 * nullable) merged over the files, partition values parsed from the {@code col=value} directories
 * and checked against the declared types, and version 0 with one add per file (relative,
 * URI-encoded path; the file's size and modification time; statistics unless NO STATISTICS). A
 * folder that is a Delta table already is left as it is.
 */
public final class ConvertToDelta {
  private final DeltaTable table;
  private final Configuration conf;
  private final String path;

  public ConvertToDelta(DeltaTable table, Configuration conf) {
    this.table = requireNonNull(table, "table");
    this.conf = requireNonNull(conf, "conf");
    this.path = table.path();
  }

  public ConvertResult run(ConvertRequest request) {
    if (table.exists() && hasCommits()) {
      return new ConvertResult(table.latestInfo().version(), 0, true);
    }
    FileSystem fs;
    try {
      fs = table.root().getFileSystem(conf);
    } catch (IOException e) {
      throw DeltaErrors.storage("opening the file system of", path, e);
    }
    List<FileStatus> files = new ArrayList<>();
    try {
      list(fs, table.root(), files);
    } catch (FileNotFoundException e) {
      throw DeltaErrors.notAParquetTable(path, "the folder does not exist.", e);
    } catch (IOException e) {
      throw DeltaErrors.storage("listing", path, e);
    }
    if (files.isEmpty()) {
      throw DeltaErrors.notAParquetTable(
          path, "no file found in the directory (hidden files do not count).", null);
    }
    files.sort((a, b) -> a.getPath().toString().compareTo(b.getPath().toString()));

    List<StructField> declared = request.partitionColumns();
    StructType data = new StructType(List.of());
    List<Map<String, String>> partitionValues = new ArrayList<>();
    PartitionDirectories partitions =
        new PartitionDirectories(path, declared, EngineConfig.partitionTimeZone(conf));
    for (FileStatus f : files) {
      StructType fileSchema = footerSchema(f);
      try {
        data = ParquetSchemas.merge(data, fileSchema);
      } catch (IllegalArgumentException e) {
        throw DeltaErrors.notAParquetTable(
            path,
            "the schema of "
                + f.getPath()
                + " does not merge with the other files' ("
                + e.getMessage()
                + ").",
            e);
      }
      partitionValues.add(partitions.values(f.getPath(), relative(f.getPath().getParent())));
    }
    StructType schema = withPartitions(data, declared);
    StructType dataSchema =
        new StructType(
            schema.fields().stream()
                .filter(c -> declared.stream().noneMatch(p -> p.name().equalsIgnoreCase(c.name())))
                .toList());
    List<String> partitionNames = declared.stream().map(StructField::name).toList();
    boolean stats = request.collectStats();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("numFiles", Integer.toString(files.size()));
    params.put("partitionedBy", json(partitionNames));
    params.put("collectStats", Boolean.toString(stats));
    params.put("sourceFormat", "parquet");
    Operation op =
        new Operation(
            OperationName.CONVERT.recorded(),
            params,
            Map.of("numConvertedFiles", Integer.toString(files.size())));
    TableSpec spec = new TableSpec(schema, partitionNames, null, null, Map.of());
    long version =
        TableCreator.convert(
            table.logStore(),
            table.root(),
            path,
            spec,
            metadata -> {
              List<AddFile> adds = new ArrayList<>(files.size());
              for (int i = 0; i < files.size(); i++) {
                FileStatus f = files.get(i);
                String statsJson =
                    stats ? FileStatistics.of(conf, f.getPath(), dataSchema, metadata, path) : null;
                adds.add(
                    new AddFile(
                        relativeUri(f.getPath()),
                        partitionValues.get(i),
                        f.getLen(),
                        f.getModificationTime(),
                        true,
                        statsJson,
                        null,
                        null,
                        null,
                        null,
                        null));
              }
              return adds;
            },
            op);
    return new ConvertResult(version, files.size(), false);
  }

  private boolean hasCommits() {
    try {
      table.latestInfo();
      return true;
    } catch (DeltaException e) {
      if (e.code() == ErrorCode.TABLE_NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  /**
   * delta-spark's listing for CONVERT: directories starting with {@code _} or {@code .} are skipped
   * unless they hold {@code =} (partitions), files starting with them always.
   */
  private static void list(FileSystem fs, Path dir, List<FileStatus> out) throws IOException {
    for (FileStatus s : fs.listStatus(dir)) {
      String name = s.getPath().getName();
      boolean hiddenName = name.startsWith("_") || name.startsWith(".");
      if (s.isDirectory()) {
        if (!hiddenName || name.contains("=")) {
          list(fs, s.getPath(), out);
        }
      } else if (!hiddenName) {
        out.add(s);
      }
    }
  }

  private StructType footerSchema(FileStatus f) {
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromStatus(f, conf))) {
      return ParquetSchemas.toDelta(reader.getFooter().getFileMetaData().getSchema());
    } catch (IOException | RuntimeException e) {
      throw DeltaErrors.notAParquetTable(
          path,
          "file "
              + f.getPath()
              + " is not a readable Parquet file ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + ").",
          e);
    }
  }

  /** The data columns, then the partition columns (a data column of the same name gives way). */
  private static StructType withPartitions(StructType data, List<StructField> partitions) {
    List<StructField> out = new ArrayList<>();
    for (StructField f : data.fields()) {
      if (partitions.stream().noneMatch(p -> p.name().equalsIgnoreCase(f.name()))) {
        out.add(f);
      }
    }
    for (StructField p : partitions) {
      out.add(new StructField(p.name(), p.type(), true));
    }
    return new StructType(out);
  }

  /** The path below the table root, decoded, without a leading slash ("" for the root). */
  private String relative(Path p) {
    String root = table.root().toUri().getPath();
    String s = p.toUri().getPath();
    if (s.equals(root) || s.equals(root + "/")) {
      return "";
    }
    String prefix = root.endsWith("/") ? root : root + "/";
    return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
  }

  /** The add's path: relative to the table, URI-encoded (protocol: "Add File and Remove File"). */
  private String relativeUri(Path file) {
    return new Path(null, null, relative(file)).toUri().toString();
  }

  private static String json(List<String> names) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < names.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(ActionJson.toJsonValue(names.get(i)));
    }
    return sb.append(']').toString();
  }
}
