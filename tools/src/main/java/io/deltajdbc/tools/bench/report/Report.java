package io.deltajdbc.tools.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.deltajdbc.tools.bench.Comparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes {@code results.json}, {@code results.md} and {@code ratios.png} into a directory. */
public final class Report {
  private Report() {}

  /** Writes the three files and returns the Markdown. */
  public static String write(Path dir, RunInfo info, List<Comparison> results) throws IOException {
    Files.createDirectories(dir);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Comparison c : results) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("comparison", c);
      row.put("oursMedianSeconds", c.ours().median());
      row.put("oursMedianCpuSeconds", c.ours().medianCpu());
      Map<String, Object> ratios = new LinkedHashMap<>();
      c.peers()
          .forEach(
              p ->
                  ratios.put(
                      p.name(),
                      Map.of(
                          "medianSeconds",
                          p.median(),
                          "medianCpuSeconds",
                          p.medianCpu(),
                          "ratio",
                          c.ratio(p),
                          "sameAnswer",
                          p.answer().equals(c.ours().answer()))));
      row.put("peers", ratios);
      rows.add(row);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("run", info);
    doc.put("results", rows);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    json.writeValue(dir.resolve("results.json").toFile(), doc);
    String md = MarkdownReport.render(info, results);
    Files.writeString(dir.resolve("results.md"), md);
    if (!results.isEmpty()) {
      RatioChart.write(
          dir.resolve("ratios.png"), "delta-jdbc / peer, " + info.scale().name() + " run", results);
    }
    return md;
  }
}
