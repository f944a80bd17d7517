package io.deltajdbc.tools.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The measured rounds of one side of a comparison (us or a peer).
 *
 * @param name who ran it ({@code delta-jdbc}, {@code delta-spark 3.2.1}, ...)
 * @param seconds wall-clock seconds of each measured round, in order
 * @param cpuSeconds process CPU seconds of each measured round (all threads of this JVM, native
 *     ones included)
 * @param answer what the side computed, in a canonical text form, so sides can be checked to agree
 */
public record SideResult(
    String name, List<Double> seconds, List<Double> cpuSeconds, String answer) {
  public SideResult {
    seconds = List.copyOf(seconds);
    cpuSeconds = List.copyOf(cpuSeconds);
  }

  /** Median wall time of the measured rounds. */
  public double median() {
    return median(seconds);
  }

  /** Median process CPU seconds of the measured rounds. */
  public double medianCpu() {
    return median(cpuSeconds);
  }

  private static double median(List<Double> values) {
    double[] s = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
