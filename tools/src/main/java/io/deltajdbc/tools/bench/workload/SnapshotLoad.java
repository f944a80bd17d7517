package io.deltajdbc.tools.bench.workload;

import io.delta.kernel.Table;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.tools.bench.Harness;
import io.deltajdbc.tools.bench.Harness.Side;
import io.deltajdbc.tools.bench.Scale;
import io.deltajdbc.tools.bench.data.DataSets;
import io.deltajdbc.tools.bench.data.LongLog;
import io.deltajdbc.tools.bench.peer.FileCount;
import io.deltajdbc.tools.bench.peer.KernelPeer;
import io.deltajdbc.tools.bench.peer.SparkPeer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.spark.sql.delta.DeltaLog;

/**
 * Loading the latest snapshot of the long-log table, down to its list of active files: cold (a new
 * table handle, nothing cached) and incremental (the handle of the previous load, after one more
 * commit). Peers: delta-kernel's {@code getLatestSnapshot} and scan files, and delta-spark's {@code
 * DeltaLog.forTable} / {@code update()} and {@code numOfFiles}.
 */
public final class SnapshotLoad implements Workload {
  @Override
  public String name() {
    return "snapshot";
  }

  @Override
  public void run(BenchContext ctx) throws Exception {
    Scale scale = ctx.scale();
    Path source =
        ctx.data()
            .longLog(scale.logCommits(), scale.filesPerCommit(), scale.checkpointInterval())
            .resolve(DataSets.LONG_LOG);
    String dataset =
        String.format(
            "long log: %,d commits, checkpoint every %d, %,d files",
            scale.logCommits(),
            scale.checkpointInterval(),
            (long) scale.logCommits() * scale.filesPerCommit());
    KernelPeer kernel = ctx.kernel();
    SparkPeer spark = ctx.spark();
    String path = source.toString();
    ctx.harness()
        .compare(
            "snapshot load",
            dataset,
            "cold",
            Side.of(Jdbc.NAME, () -> fileCount(DeltaTable.forPath(path))),
            Side.of(KernelPeer.NAME, () -> kernel.fileCount(kernel.table(path))),
            Side.of(SparkPeer.NAME, () -> spark.coldFileCount(path)));

    // incremental: on a copy of the log (the data set stays as generated), one commit before each
    // load
    Path copy = copyLog(source, ctx.work().resolve("longlog-incremental"));
    String copyPath = copy.toString();
    DeltaTable writer = DeltaTable.forPath(copyPath);
    SplittableRandom random = new SplittableRandom(1);
    long[] nextId = {Long.MAX_VALUE / 2};
    Harness.Work commit = () -> nextId[0] = LongLog.append(writer, 1, nextId[0], random);
    DeltaTable ours = DeltaTable.forPath(copyPath);
    ours.latestSnapshot();
    Table kernelTable = kernel.table(copyPath);
    DeltaLog.clearCache();
    DeltaLog log = DeltaLog.forTable(spark.session(), copyPath);
    ctx.harness()
        .compare(
            "snapshot load",
            dataset,
            "incremental, 1 new commit",
            new Side(Jdbc.NAME, commit, () -> fileCount(ours).filesMinusVersion()),
            new Side(
                KernelPeer.NAME, commit, () -> kernel.fileCount(kernelTable).filesMinusVersion()),
            new Side(
                SparkPeer.NAME, commit, () -> SparkPeer.updatedFileCount(log).filesMinusVersion()));
  }

  private static FileCount fileCount(DeltaTable table) {
    Snapshot s = table.latestSnapshot();
    return new FileCount(s.version(), s.files().size());
  }

  /**
   * A copy of the table's log only: the data files are not read by a snapshot load, and the appends
   * of this workload write their own.
   */
  private static Path copyLog(Path table, Path target) throws Exception {
    Path log = target.resolve("_delta_log");
    Files.createDirectories(log);
    try (Stream<Path> files = Files.list(table.resolve("_delta_log"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, log.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return target;
  }
}
