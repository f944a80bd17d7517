package io.deltajdbc.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deltajdbc.tools.bench.peer.DuckDbPeer;
import io.deltajdbc.tools.process.JavaCommand;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite starts and finishes: {@code BenchSuite --smoke} in its own JVM (its own SparkSession,
 * as the command runs it) writes a JSON file with every workload's results, the Markdown table and
 * a PNG chart, and every peer computed the same answers as we did. No time is asserted.
 */
class BenchSuiteSmokeTest {
  @TempDir Path dir;

  @Test
  void smokeRunWritesTheReport() throws Exception {
    Path out = dir.resolve("out");
    List<String> command =
        JavaCommand.of(
            "3g",
            List.of(),
            BenchSuite.class,
            List.of("--smoke", "--data", dir.resolve("data").toString(), "--out", out.toString()));
    Path log = dir.resolve("bench.log");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the smoke run finishes");
    assertEquals(0, p.exitValue(), () -> "exit status; log:\n" + tail(log));

    JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    assertEquals("smoke", json.at("/run/scale/name").asText());
    Set<String> workloads = new TreeSet<>();
    Set<String> withDuckDb = new TreeSet<>();
    for (JsonNode r : json.get("results")) {
      workloads.add(r.at("/comparison/workload").asText());
      if (r.get("peers").has(DuckDbPeer.NAME)) {
        withDuckDb.add(r.at("/comparison/workload").asText());
        // the process's CPU clock ticks in 10 ms: a query of the smoke scale may take less than one
        // tick
        JsonNode cpu = r.get("peers").get(DuckDbPeer.NAME).get("medianCpuSeconds");
        assertTrue(cpu != null && cpu.isNumber() && cpu.asDouble() >= 0, "DuckDB's CPU seconds");
      }
      assertTrue(r.get("oursMedianSeconds").asDouble() > 0);
      r.get("peers")
          .fields()
          .forEachRemaining(
              peer ->
                  assertTrue(
                      peer.getValue().get("sameAnswer").asBoolean(),
                      () ->
                          r.at("/comparison/workload").asText()
                              + " on "
                              + r.at("/comparison/dataset").asText()
                              + ": "
                              + peer.getKey()
                              + " computed another answer"));
    }
    for (String expected :
        List.of(
            "snapshot load",
            "list all tables and columns",
            "TPC-H Q1",
            "TPC-H Q6",
            "full scan: count and two sums",
            "UPDATE 1% of the rows",
            "MERGE 1% updated, 1% inserted")) {
      assertTrue(workloads.contains(expected), () -> expected + " missing from " + workloads);
    }
    // DuckDB joins the scan and the scan-bound aggregates; its answers were checked above
    assertEquals(
        Set.of(
            "full scan: count and two sums",
            "TPC-H Q1",
            "TPC-H Q6",
            "aggregate of one ship mode (partition pruning)"),
        withDuckDb);
    String md = Files.readString(out.resolve("results.md"));
    assertTrue(md.contains("| TPC-H Q1 | lineitem 20,000 rows, partitioned by l_shipmode |"), md);
    File png = out.resolve("ratios.png").toFile();
    assertTrue(ImageIO.read(png).getHeight() > 400, "a chart with a bar per comparison");
  }

  private static String tail(Path log) {
    List<String> lines;
    try {
      lines = Files.readAllLines(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
