package io.deltajdbc.tools.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.tools.bench.load.JdbcConnections;
import io.deltajdbc.tools.bench.load.LoadMix;
import io.deltajdbc.tools.bench.load.LoadReport;
import io.deltajdbc.tools.bench.load.LoadResult;
import io.deltajdbc.tools.bench.load.LoadRun;
import io.deltajdbc.tools.bench.load.LoadTable;
import io.deltajdbc.tools.bench.load.LoadWorkload;
import io.deltajdbc.tools.bench.load.Operation;
import io.deltajdbc.tools.bench.load.Verification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 32 concurrent clients on loopback against a server process for a bounded time (60 s, or {@code
 * -Ddeltajdbc.server.loadSeconds}) and a bounded count, running point queries, aggregates and
 * INSERTs: no error but expected write conflicts, every committed INSERT in the table once, and the
 * server's memory within its heap's bound. The figures (queries/s, latency percentiles) come from
 * {@code delta-bench server-load}, not from here.
 */
class ServerLoadTest {
  private static final long HEAP = 1L << 30;

  @TempDir Path dir;

  @Test
  void thirtyTwoClientsForAMinute() throws Exception {
    Path warehouse = Files.createDirectories(dir.resolve("wh"));
    LoadTable.create(warehouse, "load", 10_000, 7);
    int seconds = Integer.getInteger("deltajdbc.server.loadSeconds", 60);
    try (DeltaServerProcess server =
        DeltaServerProcess.start(
            dir.resolve("server.log"),
            "1g",
            List.of(
                warehouse.toString(),
                "--port",
                "0",
                "--max-connections-per-user",
                "32",
                "--access-log",
                dir.resolve("access.log").toString()))) {
      LoadRun run =
          LoadRun.builder(JdbcConnections.to(server.url(), null, null), LoadMix.interactive("load"))
              .clients(32)
              .duration(Duration.ofSeconds(seconds))
              .maxOperations(200_000)
              .seed(11)
              .serverMemory(server::residentBytes)
              .build();
      LoadResult result = LoadWorkload.run(run);
      Verification verification;
      try (Connection local = DriverManager.getConnection("jdbc:delta:" + warehouse)) {
        verification = result.verify(local);
      }
      String report = new LoadReport().add("server", result, verification).render();
      System.out.println(report);
      assertEquals(0, result.totalErrors(), report);
      for (Operation op : Operation.values()) {
        assertEquals(0L, result.wrongAnswers().get(op), op + "\n" + report);
        assertTrue(result.operations().get(op) > 0, op + " ran\n" + report);
      }
      assertTrue(verification.missing().isEmpty(), "committed INSERTs missing\n" + report);
      assertTrue(verification.duplicated().isEmpty(), "INSERTs twice\n" + report);
      assertTrue(verification.failedButPresent().isEmpty(), "failed INSERTs present\n" + report);
      long rss = result.maxServerMemoryBytes().orElse(0);
      assertTrue(rss < HEAP + (1L << 30), "server resident memory " + rss + " bytes\n" + report);
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(server.baseUrl() + "/health")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode(), "the server is up after the load");
      long logged =
          Files.readAllLines(dir.resolve("access.log")).stream()
              .filter(l -> l.contains("\"kind\":\"INSERT\"") && l.contains("\"outcome\":\"ok\""))
              .count();
      assertEquals(verification.committed(), logged, "one access log line per committed INSERT");
    }
  }
}
