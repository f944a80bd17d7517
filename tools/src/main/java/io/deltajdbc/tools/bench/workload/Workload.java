package io.deltajdbc.tools.bench.workload;

/** One family of measurements of the suite. */
public interface Workload {
  /** The name used by {@code --only}. */
  String name();

  void run(BenchContext ctx) throws Exception;
}
