package io.deltajdbc.engine.utilities;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.actions.ActionJson;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.files.TableFiles;
import io.deltajdbc.engine.internal.utilities.BinRewriter;
import java.io.Serializable;
import java.util.List;

/**
 * One bin of OPTIMIZE: files of one partition that are rewritten together, in serializable form so
 * that a Spark task (or any other worker with the table's storage) can rewrite it. {@link #rewrite}
 * reads the files' live rows (deletion vectors applied), Z-orders them when {@code zOrderBy} names
 * columns, and writes them as new files of the table (one, or {@code totalSize / maxFileSize} for
 * Z-order), whose adds it returns with {@code dataChange = false}; nothing is committed.
 *
 * @param files the table's files at the version OPTIMIZE read
 * @param fileJson the bin's add actions, as log JSON
 * @param zOrderBy the Z-order columns, empty for bin-packing
 * @param maxFileSize the target size of Z-ordered output files
 */
public record OptimizeBin(
    TableFiles files, List<String> fileJson, List<String> zOrderBy, long maxFileSize)
    implements Serializable {
  public OptimizeBin {
    requireNonNull(files, "files");
    fileJson = List.copyOf(fileJson);
    zOrderBy = List.copyOf(zOrderBy);
  }

  /** A bin of {@code bin}'s files. */
  public static OptimizeBin of(
      TableFiles files, List<AddFile> bin, List<String> zOrderBy, long maxFileSize) {
    return new OptimizeBin(
        files, bin.stream().map(ActionJson::toJson).toList(), zOrderBy, maxFileSize);
  }

  /** The bin's files. */
  public List<AddFile> addFiles() {
    return fileJson.stream().map(j -> (AddFile) ActionJson.parse(j)).toList();
  }

  /** Writes the bin's rows into new files and returns their adds (not committed). */
  public List<AddFile> rewrite() {
    return BinRewriter.rewrite(this);
  }
}
