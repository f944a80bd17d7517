package io.deltajdbc.tools.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The measured rounds of one side of a comparison (us or a peer).
 *
 * @param name who ran it ({@code delta-jdbc}, {@code delta-spark 3.2.1}, ...)
 * @param seconds wall-clock seconds of each measured round, in order
 * @param answer what the side computed, in a canonical text form, so sides can be checked to agree
 */
public record SideResult(String name, List<Double> seconds, String answer) {
  public SideResult {
    seconds = List.copyOf(seconds);
  }

  /** Median of the measured rounds. */
  public double median() {
    double[] s = seconds.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
