package io.deltajdbc.tools.bench;

import io.deltajdbc.tools.bench.load.JdbcConnections;
import io.deltajdbc.tools.bench.load.LoadMix;
import io.deltajdbc.tools.bench.load.LoadReport;
import io.deltajdbc.tools.bench.load.LoadResult;
import io.deltajdbc.tools.bench.load.LoadRun;
import io.deltajdbc.tools.bench.load.LoadTable;
import io.deltajdbc.tools.bench.load.LoadWorkload;
import io.deltajdbc.tools.bench.load.Verification;
import io.deltajdbc.tools.server.DeltaServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The concurrent load ({@link LoadWorkload}) on the local driver and through a delta-server, in one
 * run, with the ratio server/local. Without {@code --url} the benchmark starts the server itself,
 * as a process of its own on the same warehouse (loopback, no users; its resident memory is sampled
 * from its pid), and stops it at the end; {@code --local-only} runs the local side alone. Each side
 * gets its own fresh copy of the table from the same seed ({@code load_local} through the local
 * driver in the warehouse, {@code load_server} through the server), a warm-up run, then the
 * measured run and its verification.
 *
 * <pre>
 * delta-bench server-load WAREHOUSE [--clients 32] [--seconds 60] [--server-heap 4g]
 *     [--url jdbc:avatica:remote:url=... [--user U --password P] [--server-pid PID] | --local-only]
 *     [--rows 10000] [--mix 70,20,10] [--max-ops N] [--warmup-seconds 5] [--seed 42]
 * </pre>
 *
 * Exits 1 when a side's verification fails or an answer was wrong.
 */
public final class ServerLoadBenchmark {
  private ServerLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args[0].startsWith("--")) {
      System.err.println(
          "usage: delta-bench server-load WAREHOUSE [--clients 32] [--seconds 60] [--server-heap 4g]"
              + " [--url URL [--user U --password P] [--server-pid PID] | --local-only]"
              + " [--rows 10000] [--mix 70,20,10]"
              + " [--max-ops N] [--warmup-seconds 5] [--seed 42]");
      System.exit(2);
    }
    Options o = Options.parse(args);
    Files.createDirectories(o.warehouse());
    DeltaServerProcess started = null;
    if (o.url() == null && !o.localOnly()) {
      System.err.printf(Locale.ROOT, "[load] starting delta-server on %s%n", o.warehouse());
      started =
          DeltaServerProcess.start(
              Files.createTempFile("delta-server-load", ".log"),
              o.serverHeap(),
              List.of(
                  o.warehouse().toString(),
                  "--port",
                  "0",
                  // every client holds a connection, and the verification one more
                  "--max-connections-per-user",
                  Integer.toString(o.clients() + 4)));
      o = o.withServer(started.url(), started.pid());
      System.err.printf(Locale.ROOT, "[load] server pid %d at %s%n", o.serverPid(), o.url());
    }
    boolean ok;
    try {
      ok = run(o);
    } finally {
      if (started != null) {
        started.close();
      }
    }
    System.exit(ok ? 0 : 1);
  }

  /** The command line's options. */
  private record Options(
      Path warehouse,
      int clients,
      int seconds,
      int warmupSeconds,
      int rows,
      long maxOps,
      long seed,
      List<Integer> shares,
      String url,
      String user,
      String password,
      Long serverPid,
      String serverHeap,
      boolean localOnly) {
    static Options parse(String[] args) {
      Path warehouse = Path.of(args[0]).toAbsolutePath();
      int clients = 32;
      int seconds = 60;
      int warmupSeconds = 5;
      int rows = 10_000;
      long maxOps = 0;
      long seed = 42;
      List<Integer> shares = List.of(70, 20, 10);
      String url = null;
      String user = null;
      String password = null;
      Long serverPid = null;
      String serverHeap = "4g";
      boolean localOnly = false;
      for (int i = 1; i < args.length; i++) {
        if (args[i].equals("--local-only")) {
          localOnly = true;
          continue;
        }
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--clients" -> clients = Integer.parseInt(value);
          case "--seconds" -> seconds = Integer.parseInt(value);
          case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(value);
          case "--rows" -> rows = Integer.parseInt(value);
          case "--max-ops" -> maxOps = Long.parseLong(value);
          case "--seed" -> seed = Long.parseLong(value);
          case "--url" -> url = value;
          case "--user" -> user = value;
          case "--password" -> password = value;
          case "--server-pid" -> serverPid = Long.parseLong(value);
          case "--server-heap" -> serverHeap = value;
          case "--mix" -> shares = Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
        i++;
      }
      if (shares.size() != 3) {
        throw new IllegalArgumentException("--mix takes three shares (point,aggregate,insert)");
      }
      return new Options(
          warehouse,
          clients,
          seconds,
          warmupSeconds,
          rows,
          maxOps,
          seed,
          shares,
          url,
          user,
          password,
          serverPid,
          serverHeap,
          localOnly);
    }

    Options withServer(String serverUrl, long pid) {
      return new Options(
          warehouse,
          clients,
          seconds,
          warmupSeconds,
          rows,
          maxOps,
          seed,
          shares,
          serverUrl,
          user,
          password,
          pid,
          serverHeap,
          localOnly);
    }
  }

  private static boolean run(Options o) throws Exception {
    List<Side> sides = new ArrayList<>();
    sides.add(
        new Side(
            "local",
            JdbcConnections.to("jdbc:delta:" + o.warehouse(), null, null),
            "load_local",
            null));
    if (o.url() != null) {
      LongSupplier memory = o.serverPid() == null ? null : residentSetBytes(o.serverPid());
      sides.add(
          new Side(
              "server",
              JdbcConnections.to(o.url(), o.user(), o.password()),
              "load_server",
              memory));
    }
    LoadReport report = new LoadReport();
    boolean ok = true;
    for (Side side : sides) {
      LoadMix mix =
          new LoadMix(side.table(), o.shares().get(0), o.shares().get(1), o.shares().get(2));
      System.err.printf(
          Locale.ROOT, "[load] %s: writing %s (%,d rows)%n", side.name(), mix.table(), o.rows());
      try (Connection c = side.connections().get()) {
        LoadTable.create(c, mix.table(), o.rows(), o.seed());
      }
      if (o.warmupSeconds() > 0) {
        System.err.printf(
            Locale.ROOT, "[load] %s: warm-up, %d s%n", side.name(), o.warmupSeconds());
        LoadWorkload.run(
            LoadRun.builder(side.connections(), mix)
                .clients(o.clients())
                .duration(Duration.ofSeconds(o.warmupSeconds()))
                .seed(o.seed() + 1)
                .build());
      }
      System.err.printf(
          Locale.ROOT, "[load] %s: %d clients, %d s%n", side.name(), o.clients(), o.seconds());
      LoadRun.Builder run =
          LoadRun.builder(side.connections(), mix)
              .clients(o.clients())
              .duration(Duration.ofSeconds(o.seconds()))
              .seed(o.seed())
              .sampleHeap(side.memory() == null);
      if (o.maxOps() > 0) {
        run.maxOperations(o.maxOps());
      }
      if (side.memory() != null) {
        run.serverMemory(side.memory());
      }
      LoadResult result = LoadWorkload.run(run.build());
      Verification v;
      try (Connection c = side.connections().get()) {
        v = result.verify(c);
      }
      ok &= v.ok() && result.wrongAnswers().values().stream().allMatch(n -> n == 0);
      report.add(side.name(), result, v);
    }
    System.out.println();
    System.out.print(report.render());
    return ok;
  }

  private record Side(
      String name, Supplier<Connection> connections, String table, LongSupplier memory) {}

  /** The resident set of process {@code pid}, from {@code /proc/<pid>/status} (Linux). */
  static LongSupplier residentSetBytes(long pid) {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    return () -> {
      try {
        for (String line : Files.readAllLines(status)) {
          if (line.startsWith("VmRSS:")) {
            String[] f = line.trim().split("\\s+");
            return Long.parseLong(f[1]) * 1024;
          }
        }
        throw new IllegalStateException("no VmRSS in " + status);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
