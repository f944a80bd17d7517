package io.deltajdbc.tools.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Times us and our peers on one workload in the same JVM: {@code warmups} untimed rounds, then
 * {@code runs} timed ones; in each round every side runs once, the order rotating so that no side
 * always goes first (or last, after the others warmed the page cache). Each side's setup runs
 * before each of its rounds, untimed.
 */
public final class Harness {
  private final Scale scale;
  private final Profiler profiler;
  private final Consumer<Comparison> sink;

  public Harness(Scale scale, Profiler profiler, Consumer<Comparison> sink) {
    this.scale = scale;
    this.profiler = profiler;
    this.sink = sink;
  }

  public Scale scale() {
    return scale;
  }

  /** Work that computes an answer (the value a user would see) and may throw. */
  @FunctionalInterface
  public interface Work {
    Object run() throws Exception;
  }

  /** One side: its name, untimed setup before each round, and the timed work. */
  public record Side(String name, Work setup, Work timed) {
    public static Side of(String name, Work timed) {
      return new Side(name, () -> null, timed);
    }
  }

  /** Measures the sides, reports the comparison to the sink and returns it. */
  public Comparison compare(
      String workload, String dataset, String variant, Side ours, Side... peers) throws Exception {
    return compare(workload, dataset, variant, c -> "", ours, peers);
  }

  /**
   * As {@link #compare(String, String, String, Side, Side...)}, with facts derived from the times.
   */
  public Comparison compare(
      String workload,
      String dataset,
      String variant,
      Function<Comparison, String> detail,
      Side ours,
      Side... peers)
      throws Exception {
    List<Side> sides = new ArrayList<>();
    sides.add(ours);
    sides.addAll(List.of(peers));
    List<List<Double>> seconds = new ArrayList<>();
    List<List<Double>> cpu = new ArrayList<>();
    String[] answers = new String[sides.size()];
    sides.forEach(
        s -> {
          seconds.add(new ArrayList<>());
          cpu.add(new ArrayList<>());
        });
    System.err.printf("[bench] %s | %s | %s%n", workload, dataset, variant);
    for (int round = 0; round < scale.warmups() + scale.runs(); round++) {
      for (int k = 0; k < sides.size(); k++) {
        int i = (k + round) % sides.size();
        Side side = sides.get(i);
        side.setup().run();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        Object answer = side.timed().run();
        double s = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        if (round >= scale.warmups()) {
          seconds.get(i).add(s);
          cpu.get(i).add(cpuSeconds);
          answers[i] = Answers.canonical(answer);
        }
      }
    }
    List<SideResult> results = new ArrayList<>();
    for (int i = 0; i < sides.size(); i++) {
      results.add(new SideResult(sides.get(i).name(), seconds.get(i), cpu.get(i), answers[i]));
    }
    Comparison c =
        new Comparison(
            workload,
            dataset,
            variant,
            results.get(0),
            results.subList(1, results.size()),
            "",
            null);
    c = c.withDetail(detail.apply(c));
    for (SideResult p : c.peers()) {
      System.err.printf(
          "[bench]   %s %.3f s, %s %.3f s, ratio %.2f%s%n",
          c.ours().name(),
          c.ours().median(),
          p.name(),
          p.median(),
          c.ratio(p),
          p.answer().equals(c.ours().answer())
              ? ""
              : "  ANSWERS DIFFER: ours " + c.ours().answer() + ", theirs " + p.answer());
    }
    if (c.slowerThanAPeer()) {
      c = profiler.profile(c, ours);
    }
    sink.accept(c);
    return c;
  }

  /**
   * CPU time of this whole process: every peer runs in this JVM (DuckDB's native threads too), so
   * the delta around a round is that round's CPU, as long as nothing else runs concurrently.
   */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
