package io.deltajdbc.engine.internal.utilities;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.actions.PartitionValues;
import io.deltajdbc.engine.types.StructField;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;

/**
 * The partition values of a file of a Parquet folder, from the Hive-style {@code col=value}
 * directories between the folder and the file (delta-spark's {@code ConvertUtils.createAddFile}):
 * as many as the declared partition columns, with their names in their order (ignoring case), each
 * value unescaped ({@code __HIVE_DEFAULT_PARTITION__} is null) and of its column's type.
 */
final class PartitionDirectories {
  private static final String NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__";

  private final String path;
  private final List<StructField> declared;
  private final ZoneId zone;

  PartitionDirectories(String path, List<StructField> declared, ZoneId zone) {
    this.path = requireNonNull(path, "path");
    this.declared = List.copyOf(declared);
    this.zone = requireNonNull(zone, "zone");
  }

  /** The values of {@code file}, whose directory is {@code rel} below the folder. */
  Map<String, String> values(Path file, String rel) {
    List<String[]> found = new ArrayList<>();
    if (!rel.isEmpty()) {
      for (String dir : rel.split("/")) {
        int eq = dir.indexOf('=');
        if (eq <= 0) {
          if (!declared.isEmpty()) {
            throw DeltaErrors.notAParquetTable(
                path,
                "file "
                    + file
                    + " lies in directory '"
                    + dir
                    + "', which is not a partition directory (column=value) of the declared "
                    + "partition columns "
                    + names(declared)
                    + ".",
                null);
          }
          found.clear();
          continue;
        }
        found.add(new String[] {unescape(dir.substring(0, eq)), unescape(dir.substring(eq + 1))});
      }
    }
    if (found.size() != declared.size()) {
      throw DeltaErrors.notAParquetTable(
          path,
          "file "
              + file
              + " has partition columns "
              + found.stream().map(kv -> kv[0]).toList()
              + " in its path, but the declared partition columns are "
              + names(declared)
              + ".",
          null);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < declared.size(); i++) {
      StructField column = declared.get(i);
      String name = found.get(i)[0];
      String value = found.get(i)[1];
      if (!name.equalsIgnoreCase(column.name())) {
        throw DeltaErrors.notAParquetTable(
            path,
            "file "
                + file
                + " has partition column "
                + name
                + " where the declared partition columns have "
                + column.name()
                + ".",
            null);
      }
      String v = value.equals(NULL_PARTITION) ? null : value;
      if (v != null) {
        try {
          PartitionValues.decode(v, column.type(), zone);
        } catch (IllegalArgumentException | ClassCastException e) {
          throw DeltaErrors.partitionValueNotOfType(
              path, file.toString(), column.name(), v, column.type().typeName());
        }
      }
      values.put(column.name(), v);
    }
    return values;
  }

  private static List<String> names(List<StructField> fields) {
    return fields.stream().map(StructField::name).toList();
  }

  /** Hive's unescaping of partition directory names ({@code %3A} is {@code :}). */
  private static String unescape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        try {
          sb.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
          i += 2;
          continue;
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
          // not an escape: keep the character
        }
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
