package io.deltajdbc.tools.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Markdown report of one or more sides' runs of the same load (say {@code local} and {@code
 * server}): a row per side and kind (ops, qps, p50/p95/p99/max in ms, conflicts, errors), then the
 * ratios of every other side to the first, the errors with a sample message, the verification and
 * the memory.
 */
public final class LoadReport {
  private final Map<String, LoadResult> sides = new LinkedHashMap<>();
  private final Map<String, Verification> verifications = new LinkedHashMap<>();

  /** Adds a side; the first added is the one the others are divided by. */
  public LoadReport add(String side, LoadResult result, Verification verification) {
    sides.put(side, result);
    verifications.put(side, verification);
    return this;
  }

  public String render() {
    StringBuilder md = new StringBuilder();
    md.append(
        "| side | operation | ops | qps | p50 ms | p95 ms | p99 ms | max ms | conflicts | errors |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    sides.forEach(
        (side, r) -> {
          for (Operation op : Operation.values()) {
            if (r.mix().share(op) == 0) {
              continue;
            }
            Latency l = r.latencies().get(op);
            md.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %s | %,d | %.1f | %.2f | %.2f | %.2f | %.2f | %,d | %,d |%n",
                    side,
                    op.label(),
                    r.operations().get(op),
                    r.queriesPerSecond(op),
                    Latency.millis(l.p50()),
                    Latency.millis(l.p95()),
                    Latency.millis(l.p99()),
                    Latency.millis(l.max()),
                    r.conflicts(op),
                    r.errors(op)));
          }
          md.append(
              String.format(
                  Locale.ROOT,
                  "| %s | **all** | %,d | **%.1f** | | | | | %,d | %,d |%n",
                  side,
                  r.totalOperations(),
                  r.queriesPerSecond(),
                  r.conflicts().values().stream().mapToLong(Long::longValue).sum(),
                  r.totalErrors()));
        });
    List<String> names = new ArrayList<>(sides.keySet());
    if (names.size() > 1) {
      LoadResult base = sides.get(names.get(0));
      md.append('\n');
      md.append("| ratio | operation | qps | p50 | p95 | p99 |\n|---|---|---:|---:|---:|---:|\n");
      for (String other : names.subList(1, names.size())) {
        LoadResult r = sides.get(other);
        for (Operation op : Operation.values()) {
          if (r.mix().share(op) == 0) {
            continue;
          }
          Latency a = r.latencies().get(op);
          Latency b = base.latencies().get(op);
          md.append(
              String.format(
                  Locale.ROOT,
                  "| %s/%s | %s | %s | %s | %s | %s |%n",
                  other,
                  names.get(0),
                  op.label(),
                  ratio(r.queriesPerSecond(op), base.queriesPerSecond(op)),
                  ratio(a.p50(), b.p50()),
                  ratio(a.p95(), b.p95()),
                  ratio(a.p99(), b.p99())));
        }
        md.append(
            String.format(
                Locale.ROOT,
                "| %s/%s | **all** | **%s** | | | |%n",
                other,
                names.get(0),
                ratio(r.queriesPerSecond(), base.queriesPerSecond())));
      }
    }
    md.append('\n');
    sides.forEach(
        (side, r) -> {
          md.append(
              String.format(
                  Locale.ROOT,
                  "- %s: %d clients, %.1f s, mix %d/%d/%d (point/aggregate/insert) on `%s`; %s",
                  side,
                  r.clients(),
                  r.elapsedNanos() / 1e9,
                  r.mix().pointQueries(),
                  r.mix().aggregates(),
                  r.mix().inserts(),
                  r.mix().table(),
                  verifications.get(side) == null ? "not verified" : verifications.get(side)));
          r.maxHeapBytes()
              .ifPresent(
                  b -> md.append(String.format(Locale.ROOT, "; heap at most %,d MiB", b >> 20)));
          r.maxServerMemoryBytes()
              .ifPresent(
                  b ->
                      md.append(
                          String.format(Locale.ROOT, "; server memory at most %,d MiB", b >> 20)));
          md.append('\n');
          for (Map<LoadError, Long> m : List.of(r.conflicts(), r.errors())) {
            m.forEach(
                (e, n) ->
                    md.append(
                        String.format(
                            Locale.ROOT,
                            "  - %s %s: %,d × %s [%s]: %s%n",
                            m == r.conflicts() ? "conflict," : "error,",
                            e.operation().label(),
                            n,
                            e.exceptionClass(),
                            e.sqlState(),
                            oneLine(r.errorSamples().get(e)))));
          }
          long wrong = r.wrongAnswers().values().stream().mapToLong(Long::longValue).sum();
          if (wrong > 0) {
            md.append(
                String.format(
                    Locale.ROOT, "  - **%,d wrong answers** %s%n", wrong, r.wrongAnswers()));
          }
        });
    return md.toString();
  }

  private static String ratio(double a, double b) {
    return b == 0 ? "-" : String.format(Locale.ROOT, "%.2f", a / b);
  }

  private static String oneLine(String s) {
    String line = s == null ? "" : s.replaceAll("\\s+", " ").trim();
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
