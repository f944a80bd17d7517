package io.deltajdbc.tools.bench.report;

import io.deltajdbc.tools.bench.Comparison;
import io.deltajdbc.tools.bench.SideResult;
import java.util.List;
import java.util.Locale;

/** The Markdown report: one row per comparison and peer, then details and profiles. */
final class MarkdownReport {
  private MarkdownReport() {}

  static String render(RunInfo info, List<Comparison> results) {
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "# delta-jdbc benchmarks: %s run of %s%n%n",
            info.scale().name(),
            info.started()));
    md.append(
        String.format(
            Locale.ROOT,
            "%d cores, %.1f GiB heap, %s, %s; the run took %.1f min. "
                + "Median of %d measured rounds after %d warm-up round(s), the sides' order rotating each round. "
                + "**Ratio = delta-jdbc's median time / the peer's**: below 1 we are faster.%n%n",
            info.cores(),
            info.maxHeapBytes() / (double) (1L << 30),
            info.java(),
            info.os(),
            info.seconds() / 60,
            info.scale().runs(),
            info.scale().warmups()));
    md.append(
        "| workload | data set | variant | delta-jdbc (s) | peer | peer (s) | ratio us/peer | same answer |\n");
    md.append("|---|---|---|---:|---|---:|---:|---|\n");
    for (Comparison c : results) {
      for (SideResult p : c.peers()) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s | %s | %s |%n",
                c.workload(),
                c.dataset(),
                c.variant(),
                seconds(c.ours().median()),
                p.name(),
                seconds(p.median()),
                ratio(c.ratio(p)),
                p.answer().equals(c.ours().answer()) ? "yes" : "**no**"));
      }
    }
    md.append(Summaries.render(results));
    List<Comparison> detailed = results.stream().filter(c -> !c.detail().isEmpty()).toList();
    if (!detailed.isEmpty()) {
      md.append("\n## Details\n\n");
      detailed.forEach(
          c -> md.append("- ").append(title(c)).append(": ").append(c.detail()).append('\n'));
    }
    List<Comparison> differing = results.stream().filter(c -> !c.answersAgree()).toList();
    if (!differing.isEmpty()) {
      md.append("\n## Answers that differ\n\n");
      for (Comparison c : differing) {
        md.append("- ")
            .append(title(c))
            .append(": delta-jdbc `")
            .append(c.ours().answer())
            .append('`');
        c.peers()
            .forEach(
                p -> md.append("; ").append(p.name()).append(" `").append(p.answer()).append('`'));
        md.append('\n');
      }
    }
    List<Comparison> slower = results.stream().filter(Comparison::slowerThanAPeer).toList();
    if (!slower.isEmpty()) {
      md.append("\n## Where we are slower than a peer\n");
      for (Comparison c : slower) {
        md.append("\n### ").append(title(c)).append("\n\n");
        c.peers().stream()
            .filter(p -> c.ratio(p) > 1)
            .forEach(
                p ->
                    md.append(
                        String.format(
                            Locale.ROOT,
                            "%s: %s s vs %s s (%sx).%n",
                            p.name(),
                            seconds(c.ours().median()),
                            seconds(p.median()),
                            ratio(c.ratio(p)))));
        if (c.profile() != null) {
          md.append("\nJFR recording of our side: `")
              .append(c.profile().file())
              .append("`\n\n```\n");
          c.profile().hottestFrames().forEach(l -> md.append(l).append('\n'));
          md.append("```\n");
        }
      }
    }
    return md.toString();
  }

  static String title(Comparison c) {
    return c.workload() + " / " + c.dataset() + " / " + c.variant();
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, s < 0.1 ? "%.4f" : s < 10 ? "%.3f" : "%.1f", s);
  }

  private static String ratio(double r) {
    return String.format(Locale.ROOT, r < 0.1 ? "%.3f" : "%.2f", r);
  }
}
