package io.deltajdbc.tools.bench.report;

import io.deltajdbc.tools.bench.Comparison;
import io.deltajdbc.tools.bench.SideResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A line per query suite (a data set and variant with several queries against the same peer, as the
 * 22 TPC-H queries): the geometric mean of the ratios and the largest one, the suite's figures of
 * merit.
 */
final class Summaries {
  /** Fewer comparisons than this on one data set are not a suite. */
  private static final int SUITE = 5;

  private Summaries() {}

  static String render(List<Comparison> results) {
    Map<String, List<Ratio>> suites = new LinkedHashMap<>();
    for (Comparison c : results) {
      for (SideResult p : c.peers()) {
        suites
            .computeIfAbsent(
                c.dataset() + " / " + c.variant() + " / vs " + p.name(), k -> new ArrayList<>())
            .add(new Ratio(c.workload(), c.ratio(p)));
      }
    }
    StringBuilder md = new StringBuilder();
    for (Map.Entry<String, List<Ratio>> e : suites.entrySet()) {
      List<Ratio> ratios = e.getValue();
      if (ratios.size() < SUITE) {
        continue;
      }
      double logSum = 0;
      Ratio worst = ratios.get(0);
      for (Ratio r : ratios) {
        logSum += Math.log(r.value());
        worst = r.value() > worst.value() ? r : worst;
      }
      if (md.length() == 0) {
        md.append("\n## Suites\n\n");
      }
      md.append(
          String.format(
              Locale.ROOT,
              "- %s: %d queries, geometric mean of the ratios %.3f, largest %.2f (%s)%n",
              e.getKey(),
              ratios.size(),
              Math.exp(logSum / ratios.size()),
              worst.value(),
              worst.workload()));
    }
    return md.toString();
  }

  private record Ratio(String workload, double value) {}
}
