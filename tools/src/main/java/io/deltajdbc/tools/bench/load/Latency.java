package io.deltajdbc.tools.bench.load;

import java.util.Arrays;

/**
 * Latency percentiles of one kind of operation, in nanoseconds, by the nearest-rank method on all
 * samples (no histogram: a run of minutes holds a few million samples at most).
 */
public record Latency(long count, long p50, long p95, long p99, long max) {
  public static final Latency NONE = new Latency(0, 0, 0, 0, 0);

  public Latency {
    if (count < 0 || p50 > p95 || p95 > p99 || p99 > max) {
      throw new IllegalArgumentException("percentiles out of order");
    }
  }

  /** The percentiles of {@code samples} (sorted in place). */
  static Latency of(long[] samples) {
    if (samples.length == 0) {
      return NONE;
    }
    Arrays.sort(samples);
    return new Latency(
        samples.length,
        rank(samples, 0.50),
        rank(samples, 0.95),
        rank(samples, 0.99),
        samples[samples.length - 1]);
  }

  private static long rank(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** {@code nanos} in milliseconds. */
  public static double millis(long nanos) {
    return nanos / 1e6;
  }
}
