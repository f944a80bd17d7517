package io.deltajdbc.engine.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects per-case outcomes of the conformance suite and writes a Markdown summary (pass count per
 * folder, and every case that did not pass with its reason) to {@code
 * target/conformance-report.md}.
 */
final class ConformanceReport {
  private static final Map<String, List<String[]>> RESULTS = new TreeMap<>();

  private ConformanceReport() {}

  static synchronized void record(String folder, String testCase, boolean passed, String detail) {
    RESULTS
        .computeIfAbsent(folder, k -> new ArrayList<>())
        .add(new String[] {testCase, passed ? "pass" : "FAIL", detail});
  }

  static synchronized void write() throws IOException {
    StringBuilder sb =
        new StringBuilder("# Conformance report\n\n| folder | passed | total |\n|---|---|---|\n");
    StringBuilder failures = new StringBuilder();
    for (var e : RESULTS.entrySet()) {
      long passed = e.getValue().stream().filter(r -> r[1].equals("pass")).count();
      sb.append("| ")
          .append(e.getKey())
          .append(" | ")
          .append(passed)
          .append(" | ")
          .append(e.getValue().size())
          .append(" |\n");
      for (String[] r : e.getValue()) {
        if (!r[1].equals("pass")) {
          failures
              .append("- ")
              .append(e.getKey())
              .append('/')
              .append(r[0])
              .append(": ")
              .append(r[2])
              .append('\n');
        }
      }
    }
    sb.append("\n## Not passing\n\n").append(failures.length() == 0 ? "none\n" : failures);
    Path dir = Paths.get(System.getProperty("deltajdbc.reportDir", "target"));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("conformance-report.md"), sb.toString());
  }
}
