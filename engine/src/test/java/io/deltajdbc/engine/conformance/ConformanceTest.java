package io.deltajdbc.engine.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.ErrorCode;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * The conformance suite over {@code ../shared/testdata} (see its MANIFEST.md): every DAT case and
 * every golden table with an expected answer reads exactly the expected rows at every version that
 * has one, and every table that must be refused is refused with a clear error. The data is read in
 * place and never changed.
 */
class ConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Golden tables that a correct reader must refuse, with the error kind. */
  static final Map<String, ErrorCode> GOLDEN_NEGATIVE =
      Map.of(
          "deltalog-invalid-protocol-version", ErrorCode.UNSUPPORTED_TABLE_FEATURE,
          "deltalog-state-reconstruction-from-checkpoint-missing-metadata", ErrorCode.CORRUPT_LOG,
          "deltalog-state-reconstruction-from-checkpoint-missing-protocol", ErrorCode.CORRUPT_LOG,
          "deltalog-state-reconstruction-without-metadata", ErrorCode.CORRUPT_LOG,
          "deltalog-state-reconstruction-without-protocol", ErrorCode.CORRUPT_LOG,
          "no-delta-log-folder", ErrorCode.TABLE_NOT_FOUND,
          "versions-not-contiguous", ErrorCode.CORRUPT_LOG);

  @AfterAll
  static void writeReport() throws IOException {
    ConformanceReport.write();
  }

  @TestFactory
  Stream<DynamicTest> dat() throws IOException {
    Path root = TestData.resolve("dat/out/reader_tests/generated");
    List<DynamicTest> tests = new ArrayList<>();
    for (Path testCase : list(root)) {
      Path table = testCase.resolve("delta");
      for (Path expected : list(testCase.resolve("expected"))) {
        String name = testCase.getFileName() + "@" + expected.getFileName();
        JsonNode meta = JSON.readTree(expected.resolve("table_version_metadata.json").toFile());
        long version = meta.path("version").asLong();
        boolean latest = expected.getFileName().toString().equals("latest");
        tests.add(
            recorded(
                "dat",
                name,
                () -> {
                  DeltaTable t = TestData.open(table);
                  Snapshot s = latest ? t.latestSnapshot() : t.snapshotAtVersion(version);
                  assertEquals(version, s.version(), "version");
                  assertEquals(
                      meta.path("min_reader_version").asInt(),
                      s.protocol().minReaderVersion(),
                      "min reader version");
                  assertEquals(
                      meta.path("min_writer_version").asInt(),
                      s.protocol().minWriterVersion(),
                      "min writer version");
                  assertRows(
                      TableReads.expected(expected.resolve("table_content")), TableReads.actual(s));
                }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> goldenTablesWithExpectedRows() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path dir : list(TestData.resolve("golden/connectors"))) {
      Path expected = dir.resolve("expected");
      if (!Files.isDirectory(expected)) {
        continue;
      }
      tests.add(
          recorded(
              "golden/connectors",
              dir.getFileName().toString(),
              () -> {
                Snapshot s = TestData.open(dir.resolve("delta")).latestSnapshot();
                assertRows(TableReads.expected(expected), TableReads.actual(s));
              }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> goldenTablesThatMustBeRefused() {
    return GOLDEN_NEGATIVE.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(
            e -> {
              Path dir = TestData.resolve("golden/connectors/" + e.getKey() + "/delta");
              return recorded(
                  "golden/connectors (must fail)",
                  e.getKey(),
                  () -> assertRefused(dir, e.getValue()));
            });
  }

  static void assertRefused(Path table, ErrorCode code) {
    DeltaException ex =
        assertThrows(
            DeltaException.class,
            () -> {
              Snapshot s = TestData.open(table).latestSnapshot();
              TableReads.actual(s);
            });
    assertEquals(code, ex.code(), ex.getMessage());
    assertTrue(
        ex.getMessage().contains(table.toString()), "message names the table: " + ex.getMessage());
  }

  static void assertRows(List<String> expected, List<String> actual) {
    if (!expected.equals(actual)) {
      throw new AssertionError(TableReads.diff(expected, actual));
    }
  }

  static DynamicTest recorded(String folder, String name, Executable body) {
    return DynamicTest.dynamicTest(
        folder + ": " + name,
        () -> {
          try {
            body.execute();
            ConformanceReport.record(folder, name, true, "");
          } catch (Throwable t) {
            ConformanceReport.record(folder, name, false, firstLine(t));
            throw t;
          }
        });
  }

  private static String firstLine(Throwable t) {
    String m = t.getClass().getSimpleName() + ": " + t.getMessage();
    return m.replace('\n', ' ').substring(0, Math.min(m.length(), 300));
  }

  static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }
}
