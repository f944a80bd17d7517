package io.deltajdbc.engine.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.actions.ActionJson;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.internal.log.FileNames;
import io.deltajdbc.engine.internal.log.LogFileName;
import io.deltajdbc.engine.testing.CommitWorker;
import io.deltajdbc.engine.testing.SparkOracle;
import io.deltajdbc.engine.txn.TableSpec;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several writers committing to one table at the same time: threads of one JVM, separate JVM
 * processes, and threads against real HDFS. Every successful commit is one version, versions are
 * contiguous, every failure is a typed conflict, every committed row is there unless a committed
 * delete removed it, and delta-spark reads the same table.
 */
class ConcurrentWritersTest {
  @TempDir Path dir;

  @Test
  void threadsOfOneJvm() throws Exception {
    String path = dir.resolve("threads").toString();
    DeltaTable.create(
        path,
        DeltaTable.defaultConfiguration(),
        TableSpec.of(CommitWorker.SCHEMA).withProperty("delta.checkpointInterval", "7"));
    List<String> outcomes = runThreads(path, DeltaTable.defaultConfiguration(), 6, 12);
    verify(path, DeltaTable.defaultConfiguration(), outcomes, true);
  }

  @Test
  void separateProcesses() throws Exception {
    String path = dir.resolve("processes").toString();
    DeltaTable.create(
        path,
        DeltaTable.defaultConfiguration(),
        TableSpec.of(CommitWorker.SCHEMA).withProperty("delta.checkpointInterval", "5"));
    List<Process> processes = new ArrayList<>();
    for (int w = 1; w <= 3; w++) {
      processes.add(worker(path, w, 12, w * 31L));
    }
    List<String> outcomes = new ArrayList<>();
    for (Process p : processes) {
      outcomes.addAll(readLines(p));
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "worker finished");
      assertEquals(0, p.exitValue(), "worker exit code");
    }
    assertEquals(36, outcomes.size(), "each of 3 processes reports 12 outcomes");
    verify(path, DeltaTable.defaultConfiguration(), outcomes, true);
  }

  @Test
  void aWriterKilledDuringCommitsLeavesAReadableTable() throws Exception {
    String path = dir.resolve("killed").toString();
    DeltaTable.create(
        path,
        DeltaTable.defaultConfiguration(),
        TableSpec.of(CommitWorker.SCHEMA).withProperty("delta.checkpointInterval", "4"));
    java.util.Random rnd = new java.util.Random(7);
    for (int round = 0; round < 3; round++) {
      Process p = worker(path, round + 1, -1, round);
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      for (int i = 0; i < 3; i++) {
        assertTrue(out.readLine() != null, "the worker commits before it is killed");
      }
      Thread.sleep(rnd.nextInt(200)); // somewhere inside a later commit
      p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
      p.waitFor(30, TimeUnit.SECONDS);
      DeltaTable fresh = DeltaTable.forPath(path, DeltaTable.defaultConfiguration());
      Snapshot s = fresh.latestSnapshot();
      assertContiguousAndComplete(path, DeltaTable.defaultConfiguration(), s.version());
      assertEquals(
          sorted(ids(s)),
          sorted(sparkIds(path)),
          "delta-spark reads what we read after kill " + round);
    }
    assertTrue(
        DeltaTable.forPath(path, DeltaTable.defaultConfiguration()).latestSnapshot().version() > 0);
  }

  @Test
  void threadsOnHdfs() throws Exception {
    Configuration hconf = new Configuration();
    hconf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
    MiniDFSCluster cluster = new MiniDFSCluster.Builder(hconf).numDataNodes(1).build();
    try {
      cluster.waitActive();
      Configuration conf = new Configuration(cluster.getConfiguration(0));
      String path = cluster.getURI() + "/warehouse/t";
      DeltaTable.create(
          path,
          conf,
          TableSpec.of(CommitWorker.SCHEMA).withProperty("delta.checkpointInterval", "6"));
      List<String> outcomes = runThreads(path, conf, 4, 8);
      verify(path, conf, outcomes, false);
    } finally {
      cluster.shutdown();
    }
  }

  private static List<String> runThreads(String path, Configuration conf, int writers, int commits)
      throws Exception {
    List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 1; w <= writers; w++) {
        int writer = w;
        futures.add(
            pool.submit(
                () ->
                    CommitWorker.run(
                        DeltaTable.forPath(path, conf),
                        writer,
                        commits,
                        writer * 17L,
                        outcomes::add)));
      }
      for (Future<?> f : futures) {
        f.get(300, TimeUnit.SECONDS); // an exception other than a typed conflict fails here
      }
    } finally {
      pool.shutdownNow();
    }
    return outcomes;
  }

  private static void verify(
      String path, Configuration conf, List<String> outcomes, boolean withSpark) throws Exception {
    Map<String, List<Long>> appended = new HashMap<>();
    Set<String> deleted = new HashSet<>();
    int successes = 0;
    int conflicts = 0;
    for (String line : outcomes) {
      String[] parts = line.split(" ");
      switch (parts[0]) {
        case "APPEND" -> {
          List<Long> ids = new ArrayList<>();
          for (String id : parts[2].split(",")) {
            ids.add(Long.parseLong(id));
          }
          appended.put(parts[1], ids);
          successes++;
        }
        case "DELETE" -> {
          assertTrue(
              deleted.add(parts[1]),
              "a file is deleted by at most one committed transaction: " + parts[1]);
          successes++;
        }
        case "CONFLICT" -> conflicts++;
        default -> throw new AssertionError("unexpected outcome " + line);
      }
    }
    assertTrue(
        successes > outcomes.size() / 2,
        successes + " of " + outcomes.size() + " commits succeeded");
    Snapshot s = DeltaTable.forPath(path, conf).latestSnapshot();
    assertEquals(
        successes, s.version(), "one version per successful commit (" + conflicts + " conflicts)");
    assertContiguousAndComplete(path, conf, s.version());
    List<Long> expected = new ArrayList<>();
    appended.forEach(
        (file, ids) -> {
          if (!deleted.contains(file)) {
            expected.addAll(ids);
          }
        });
    assertEquals(sorted(expected), sorted(ids(s)), "every committed row, minus committed deletes");
    if (withSpark) {
      assertEquals(sorted(expected), sorted(sparkIds(path)), "delta-spark reads the same rows");
    }
  }

  /** Commit files 0..latest all exist and every line of every one is a whole action. */
  private static void assertContiguousAndComplete(String path, Configuration conf, long latest)
      throws Exception {
    org.apache.hadoop.fs.Path log = new org.apache.hadoop.fs.Path(path, "_delta_log");
    FileSystem fs = log.getFileSystem(conf);
    TreeSet<Long> versions = new TreeSet<>();
    for (FileStatus st : fs.listStatus(log)) {
      LogFileName n = FileNames.parse(st.getPath().getName());
      if (n != null && n.kind() == LogFileName.Kind.DELTA) {
        versions.add(n.version());
        try (BufferedReader r =
            new BufferedReader(
                new InputStreamReader(fs.open(st.getPath()), StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            ActionJson.parse(line);
          }
        }
      }
    }
    assertEquals(0L, versions.first());
    assertEquals(latest, versions.last());
    assertEquals(latest + 1, versions.size(), "no gaps in " + versions);
    assertFalse(versions.contains(latest + 1));
  }

  private static List<Long> ids(Snapshot s) {
    List<Long> out = new ArrayList<>();
    try (CloseableIterator<Row> it = s.scanBuilder().withColumns(List.of("id")).build().rows()) {
      it.forEachRemaining(r -> out.add((Long) r.get(0)));
    }
    return out;
  }

  private static List<Long> sparkIds(String path) {
    return SparkOracle.spark()
        .read()
        .format("delta")
        .load(path)
        .select("id")
        .collectAsList()
        .stream()
        .map(r -> r.getLong(0))
        .toList();
  }

  private static List<Long> sorted(List<Long> ids) {
    List<Long> out = new ArrayList<>(ids);
    Collections.sort(out);
    return out;
  }

  private static Process worker(String path, int writer, int commits, long seed) throws Exception {
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            CommitWorker.class.getName(),
            path,
            Integer.toString(writer),
            Integer.toString(commits),
            Long.toString(seed));
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    return pb.start();
  }

  private static List<String> readLines(Process p) throws Exception {
    List<String> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.add(line);
      }
    }
    return out;
  }
}
