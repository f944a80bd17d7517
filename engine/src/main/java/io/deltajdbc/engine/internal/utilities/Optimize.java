package io.deltajdbc.engine.internal.utilities;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.FileStats;
import io.deltajdbc.engine.expressions.Column;
import io.deltajdbc.engine.expressions.Predicates;
import io.deltajdbc.engine.internal.snapshot.SnapshotImpl;
import io.deltajdbc.engine.internal.txn.TransactionImpl;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.OperationName;
import io.deltajdbc.engine.utilities.OptimizeBin;
import io.deltajdbc.engine.utilities.OptimizeRequest;
import io.deltajdbc.engine.utilities.OptimizeResult;
import io.deltajdbc.engine.utilities.OptimizeResult.DeletionVectorStats;
import io.deltajdbc.engine.utilities.OptimizeResult.FileSizeMetrics;
import io.deltajdbc.engine.utilities.OptimizeResult.OptimizeMetrics;
import io.deltajdbc.engine.utilities.OptimizeResult.ZOrderFileStats;
import io.deltajdbc.engine.utilities.OptimizeResult.ZOrderStats;
import io.deltajdbc.engine.utilities.OptimizeRunner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;

/**
 * OPTIMIZE as delta-spark 3.2.1's {@code OptimizeExecutor} does it, in this JVM: of the files in
 * the partitions the filter selects, those smaller than {@code minFileSize} or with more than
 * {@code maxDeletedRowsRatio} of their rows deleted (every file for Z-order) are grouped per
 * partition, by size, into bins of at most {@code maxFileSize}; each bin of two files or more
 * (every bin for Z-order) is read, deletion vectors applied, and written again as one file
 * (Z-order: sorted by the interleaved bits of the columns' range ids, as {@code totalSize /
 * maxFileSize} files; {@link BinRewriter}), in this JVM or, for a rewrite of at least {@code
 * deltajdbc.optimize.backendMinBytes}, on the request's large runner (the Spark backend). The
 * commit removes and adds with {@code dataChange = false}, so a concurrent blind append does not
 * conflict with it; with nothing to rewrite nothing is committed. The settings are delta-spark's
 * names under {@code deltajdbc.}: {@code deltajdbc.optimize.minFileSize}, {@code
 * deltajdbc.optimize.maxFileSize} (1 GiB each) and {@code deltajdbc.optimize.maxDeletedRowsRatio}
 * (0.05).
 */
public final class Optimize {
  public static final String MIN_FILE_SIZE = "deltajdbc.optimize.minFileSize";
  public static final String MAX_FILE_SIZE = "deltajdbc.optimize.maxFileSize";
  public static final String MAX_DELETED_ROWS_RATIO = "deltajdbc.optimize.maxDeletedRowsRatio";

  /** The size of a rewrite from which it runs on the request's large runner, if any. */
  public static final String BACKEND_MIN_BYTES = "deltajdbc.optimize.backendMinBytes";

  private final DeltaTable table;
  private final Configuration conf;

  public Optimize(DeltaTable table, Configuration conf) {
    this.table = requireNonNull(table, "table");
    this.conf = requireNonNull(conf, "conf");
  }

  public OptimizeResult run(OptimizeRequest request) {
    long start = System.currentTimeMillis();
    TransactionImpl txn = (TransactionImpl) table.startTransaction();
    SnapshotImpl snapshot = (SnapshotImpl) txn.readSnapshot();
    String path = table.path();
    List<String> partitions = snapshot.partitionColumns();
    checkFilter(request, partitions, path);
    List<String> zOrder = zOrderColumns(request, snapshot, path);
    boolean zOrdering = !zOrder.isEmpty();

    long minFileSize = conf.getLongBytes(MIN_FILE_SIZE, 1L << 30);
    long maxFileSize = conf.getLongBytes(MAX_FILE_SIZE, 1L << 30);
    double maxDeletedRatio = conf.getDouble(MAX_DELETED_ROWS_RATIO, 0.05);

    List<AddFile> candidates =
        request.partitionFilter() == null
            ? new ArrayList<>(snapshot.files())
            : snapshot.scanBuilder().withFilter(request.partitionFilter()).build().files();
    txn.readPredicate(
        request.partitionFilter() == null ? Predicates.TRUE : request.partitionFilter());
    List<AddFile> toProcess =
        zOrdering
            ? candidates
            : candidates.stream()
                .filter(f -> f.size() < minFileSize || manyDeleted(f, maxDeletedRatio))
                .toList();
    List<List<AddFile>> bins = bins(toProcess, maxFileSize, zOrdering);

    long rewriteBytes = bins.stream().flatMap(List::stream).mapToLong(AddFile::size).sum();
    OptimizeRunner runner = OptimizeRunner.local();
    if (request.largeRunner() != null
        && !bins.isEmpty()
        && rewriteBytes >= conf.getLongBytes(BACKEND_MIN_BYTES, 256L << 20)) {
      OptimizeRunner large = request.largeRunner().get();
      runner = large == null ? runner : large;
    }
    List<OptimizeBin> work = new ArrayList<>();
    for (List<AddFile> bin : bins) {
      work.add(OptimizeBin.of(snapshot.tableFiles(), bin, zOrder, maxFileSize));
    }
    List<AddFile> added = new ArrayList<>();
    runner.rewrite(work).forEach(added::addAll);
    List<AddFile> removed = new ArrayList<>();
    bins.forEach(removed::addAll);
    List<AddFile> removedDvs = removed.stream().filter(f -> f.deletionVector() != null).toList();
    long version = -1;
    if (!added.isEmpty()) {
      txn.add(added);
      txn.remove(removed, false);
      version = txn.commit(operation(request, zOrder, added, removed, removedDvs)).version();
    }
    int indexed =
        Integer.parseInt(
            snapshot.properties().getOrDefault("delta.dataSkippingNumIndexedCols", "32"));
    long columns = snapshot.schema().size();
    OptimizeMetrics metrics =
        new OptimizeMetrics(
            added.size(),
            removed.size(),
            sizes(added),
            sizes(removed),
            bins.stream().map(b -> b.get(0).partitionValues()).distinct().count(),
            zOrdering ? zOrderStats(removed, bins) : null,
            bins.size(),
            candidates.size(),
            candidates.size() - removed.size(),
            false,
            0,
            0,
            start,
            System.currentTimeMillis(),
            Runtime.getRuntime().availableProcessors(),
            bins.size(),
            removedDvs.isEmpty()
                ? null
                : new DeletionVectorStats(
                    removedDvs.size(),
                    removedDvs.stream().mapToLong(f -> f.deletionVector().cardinality()).sum()),
            columns,
            indexed < 0 ? columns : Math.min(indexed, columns));
    return new OptimizeResult(snapshot.root().toString(), metrics, version, runner.description());
  }

  /** delta-spark's rule: a partition predicate only. */
  private static void checkFilter(OptimizeRequest request, List<String> partitions, String path) {
    if (request.partitionFilter() == null) {
      return;
    }
    List<String> lower = partitions.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    for (Column c : Predicates.columns(request.partitionFilter())) {
      String name = String.join(".", c.path());
      if (!lower.contains(name.toLowerCase(Locale.ROOT))) {
        throw DeltaErrors.invalidArgument(
            "OPTIMIZE of "
                + path
                + ": the predicate refers to "
                + name
                + ", which is not a partition column; only the partition columns "
                + partitions
                + " may be referenced.");
      }
    }
  }

  /** The Z-order columns as the schema spells them, checked as delta-spark checks them. */
  private static List<String> zOrderColumns(
      OptimizeRequest request, SnapshotImpl snapshot, String path) {
    List<String> out = new ArrayList<>();
    List<String> partitions =
        snapshot.partitionColumns().stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    int indexed =
        Integer.parseInt(
            snapshot.properties().getOrDefault("delta.dataSkippingNumIndexedCols", "32"));
    List<String> names = snapshot.schema().fieldNames();
    for (String c : request.zOrderBy()) {
      String actual =
          names.stream()
              .filter(n -> n.equalsIgnoreCase(c))
              .findFirst()
              .orElseThrow(() -> DeltaErrors.columnNotFound(path, c, names));
      if (partitions.contains(actual.toLowerCase(Locale.ROOT))) {
        throw DeltaErrors.invalidArgument(
            "OPTIMIZE of "
                + path
                + ": "
                + actual
                + " is a partition column; Z-ordering can only be done on data columns.");
      }
      int position = names.indexOf(actual);
      if (indexed >= 0 && position >= indexed) {
        throw DeltaErrors.invalidArgument(
            "OPTIMIZE of "
                + path
                + ": Z-ordering on ["
                + actual
                + "] would be ineffective, because no statistics are collected for it "
                + "(delta.dataSkippingNumIndexedCols = "
                + indexed
                + ").");
      }
      out.add(actual);
    }
    return out;
  }

  private static boolean manyDeleted(AddFile f, double maxRatio) {
    if (f.deletionVector() == null) {
      return false;
    }
    Long records = FileStats.parse(f.stats()).numRecords();
    if (records == null) {
      return true; // always compacted, so that the new file has statistics
    }
    return records > 0 && (double) f.deletionVector().cardinality() / records > maxRatio;
  }

  /** Per partition, files by size into bins of at most {@code maxBinSize} bytes. */
  private static List<List<AddFile>> bins(List<AddFile> files, long maxBinSize, boolean everyBin) {
    Map<Map<String, String>, List<AddFile>> byPartition =
        files.stream()
            .collect(
                Collectors.groupingBy(
                    AddFile::partitionValues, LinkedHashMap::new, Collectors.toList()));
    List<List<AddFile>> out = new ArrayList<>();
    for (List<AddFile> partition : byPartition.values()) {
      List<AddFile> sorted =
          partition.stream().sorted(Comparator.comparingLong(AddFile::size)).toList();
      List<AddFile> current = new ArrayList<>();
      long size = 0;
      for (AddFile f : sorted) {
        if (f.size() + size > maxBinSize && !current.isEmpty()) {
          out.add(current);
          current = new ArrayList<>();
          size = 0;
        }
        current.add(f);
        size += f.size();
      }
      if (!current.isEmpty()) {
        out.add(current);
      }
    }
    return out.stream().filter(b -> b.size() > 1 || everyBin).toList();
  }

  private Operation operation(
      OptimizeRequest request,
      List<String> zOrder,
      List<AddFile> added,
      List<AddFile> removed,
      List<AddFile> removedDvs) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("predicate", jsonArray(request.predicateText()));
    params.put("zOrderBy", jsonArray(zOrder));
    params.put("clusterBy", "[]");
    params.put("auto", "false");
    List<Long> sizes = added.stream().map(AddFile::size).sorted().toList();
    int n = sizes.size();
    Map<String, String> m = new LinkedHashMap<>();
    m.put("numRemovedFiles", Long.toString(removed.size()));
    m.put("numRemovedBytes", Long.toString(removed.stream().mapToLong(AddFile::size).sum()));
    m.put("p25FileSize", Long.toString(sizes.get(n / 4)));
    m.put("numDeletionVectorsRemoved", Long.toString(removedDvs.size()));
    m.put("minFileSize", Long.toString(sizes.get(0)));
    m.put("numAddedFiles", Long.toString(n));
    m.put("maxFileSize", Long.toString(sizes.get(n - 1)));
    m.put("p75FileSize", Long.toString(sizes.get(n * 3 / 4)));
    m.put("p50FileSize", Long.toString(sizes.get(n / 2)));
    m.put("numAddedBytes", Long.toString(added.stream().mapToLong(AddFile::size).sum()));
    return new Operation(OperationName.OPTIMIZE.recorded(), params, m);
  }

  private static String jsonArray(List<String> values) {
    return values.stream()
        .map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        .collect(Collectors.joining(",", "[", "]"));
  }

  private static FileSizeMetrics sizes(List<AddFile> files) {
    if (files.isEmpty()) {
      return new FileSizeMetrics(null, null, 0, 0, 0);
    }
    long total = files.stream().mapToLong(AddFile::size).sum();
    return new FileSizeMetrics(
        files.stream().mapToLong(AddFile::size).min().getAsLong(),
        files.stream().mapToLong(AddFile::size).max().getAsLong(),
        (double) total / files.size(),
        files.size(),
        total);
  }

  private static ZOrderStats zOrderStats(List<AddFile> removed, List<List<AddFile>> bins) {
    ZOrderFileStats merged =
        new ZOrderFileStats(removed.size(), removed.stream().mapToLong(AddFile::size).sum());
    return new ZOrderStats("all", new ZOrderFileStats(0, 0), merged, 0, merged, bins.size(), null);
  }
}
