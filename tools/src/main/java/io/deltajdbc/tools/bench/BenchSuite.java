package io.deltajdbc.tools.bench;

import io.deltajdbc.tools.bench.data.DataSets;
import io.deltajdbc.tools.bench.peer.DuckDbPeer;
import io.deltajdbc.tools.bench.peer.KernelPeer;
import io.deltajdbc.tools.bench.peer.RawParquet;
import io.deltajdbc.tools.bench.peer.SparkPeer;
import io.deltajdbc.tools.bench.report.Report;
import io.deltajdbc.tools.bench.report.RunInfo;
import io.deltajdbc.tools.bench.workload.BenchContext;
import io.deltajdbc.tools.bench.workload.CatalogMetadata;
import io.deltajdbc.tools.bench.workload.Commits;
import io.deltajdbc.tools.bench.workload.Dml;
import io.deltajdbc.tools.bench.workload.FullScan;
import io.deltajdbc.tools.bench.workload.LineitemQueries;
import io.deltajdbc.tools.bench.workload.SnapshotLoad;
import io.deltajdbc.tools.bench.workload.TpchQueries;
import io.deltajdbc.tools.bench.workload.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The benchmark suite: every workload against its peers in one JVM, then a report. Usage:
 *
 * <pre>
 * BenchSuite [--quick | --full | --smoke] [--only snapshot,metadata,queries,scan,tpch,commits,dml]
 *            [--data DIR] [--out DIR] [--runs N] [--warmups N] [--seed N] [--tpch-scale SF,...] [--no-profile]
 * </pre>
 *
 * Data sets are written once under {@code --data} (default {@code bench/data}) and reused; the
 * report goes to {@code --out} (default {@code bench/results/<size>}).
 */
public final class BenchSuite {
  static final List<Workload> WORKLOADS =
      List.of(
          new SnapshotLoad(),
          new CatalogMetadata(),
          new LineitemQueries(),
          new FullScan(),
          new TpchQueries(),
          new Commits(),
          new Dml());

  private BenchSuite() {}

  public static void main(String[] args) throws Exception {
    int status = 1;
    try {
      run(args);
      status = 0;
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      status = 2;
    } finally {
      // Spark's and Hadoop's threads would keep the JVM alive
      System.exit(status);
    }
  }

  /** Runs the suite as the command line says and returns the report's directory. */
  public static Path run(String... args) throws Exception {
    Options o = Options.parse(args);
    Instant started = Instant.now();
    long start = System.nanoTime();
    Path work = o.data.resolve("work-" + o.scale.name());
    DataSets.deleteRecursively(work);
    Files.createDirectories(work);
    List<Comparison> results = new ArrayList<>();
    Harness harness =
        new Harness(
            o.scale,
            Profiler.writingTo(o.profile ? o.out.resolve("profiles") : null),
            results::add);
    BenchContext ctx =
        new BenchContext(
            harness,
            new DataSets(o.data, o.seed),
            work,
            new SparkPeer(),
            new KernelPeer(),
            new RawParquet(),
            new DuckDbPeer());
    List<String> failed = new ArrayList<>();
    for (Workload w : WORKLOADS) {
      if (o.only.isEmpty() || o.only.contains(w.name())) {
        try {
          w.run(ctx);
        } catch (Exception e) {
          System.err.println("[bench] workload " + w.name() + " failed:");
          e.printStackTrace();
          failed.add(w.name());
        }
      }
    }
    DataSets.deleteRecursively(work);
    RunInfo info =
        RunInfo.here(o.scale, started, (System.nanoTime() - start) / 1e9, Arrays.asList(args));
    String md = Report.write(o.out, info, results);
    System.out.println(md);
    System.err.println("[bench] report: " + o.out.toAbsolutePath());
    if (!failed.isEmpty()) {
      throw new IllegalStateException("Workloads failed: " + failed);
    }
    return o.out;
  }

  /** The parsed command line. */
  private record Options(
      Scale scale, Set<String> only, Path data, Path out, long seed, boolean profile) {
    static Options parse(String[] args) {
      Scale scale = Scale.named("full");
      Set<String> only = new LinkedHashSet<>();
      Path data = Path.of("bench", "data");
      Path out = null;
      long seed = 20261125L;
      boolean profile = true;
      Integer runs = null;
      Integer warmups = null;
      List<Double> tpch = null;
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--quick", "--full", "--smoke" -> scale = Scale.named(a.substring(2));
          case "--only" -> only.addAll(Arrays.asList(value(args, ++i, a).split(",")));
          case "--data" -> data = Path.of(value(args, ++i, a));
          case "--out" -> out = Path.of(value(args, ++i, a));
          case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
          case "--runs" -> runs = Integer.parseInt(value(args, ++i, a));
          case "--warmups" -> warmups = Integer.parseInt(value(args, ++i, a));
          case "--no-profile" -> profile = false;
          case "--tpch-scale" ->
              tpch = Arrays.stream(value(args, ++i, a).split(",")).map(Double::valueOf).toList();
          default ->
              throw new IllegalArgumentException(
                  "Unknown option "
                      + a
                      + "; usage: BenchSuite [--quick | --full"
                      + " | --smoke] [--only snapshot,metadata,queries,scan,tpch,commits,dml] [--data DIR] [--out DIR]"
                      + " [--runs N] [--warmups N] [--seed N] [--tpch-scale SF,...] [--no-profile]");
        }
      }
      Set<String> known = new LinkedHashSet<>();
      WORKLOADS.forEach(w -> known.add(w.name()));
      if (!known.containsAll(only)) {
        throw new IllegalArgumentException(
            "Unknown workload in --only " + only + "; known: " + known);
      }
      if (runs != null || warmups != null) {
        scale =
            scale.withRounds(
                warmups != null ? warmups : scale.warmups(), runs != null ? runs : scale.runs());
      }
      if (tpch != null) {
        scale = scale.withTpchScaleFactors(tpch);
      }
      // absolute: delta-spark reads delta.`path` only for an absolute path
      return new Options(
          scale,
          only,
          data.toAbsolutePath(),
          (out != null ? out : Path.of("bench", "results", scale.name())).toAbsolutePath(),
          seed,
          profile);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }
  }
}
