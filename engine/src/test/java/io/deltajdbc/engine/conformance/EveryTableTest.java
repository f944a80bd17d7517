package io.deltajdbc.engine.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.ErrorCode;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.internal.snapshot.SnapshotImpl;
import io.deltajdbc.engine.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every other table of the conformance data (delta-rs, delta-kernel-rs, kernel-defaults, Spark test
 * resources, golden tables without an expected folder): its latest snapshot loads and every row
 * reads, or it is refused with the error the protocol calls for. Where MANIFEST.md gives an answer,
 * {@link KnownAnswersTest} checks the rows themselves.
 */
class EveryTableTest {

  /** Tables a correct reader must refuse, and why. */
  static final Map<String, ErrorCode> MUST_REFUSE =
      Map.ofEntries(
          Map.entry(
              "deltars/simple_table_features",
              ErrorCode.UNSUPPORTED_TABLE_FEATURE), // reader feature "blahabl"
          Map.entry(
              "golden/kernel-defaults/catalog-owned-preview", ErrorCode.CATALOG_MANAGED_TABLE),
          Map.entry(
              "kernelrs/table-with-geo",
              ErrorCode.UNSUPPORTED_TABLE_FEATURE), // reader feature geospatial
          Map.entry(
              "golden/connectors/data-reader-absolute-paths-escaped-chars",
              ErrorCode.CORRUPT_LOG), // no protocol
          Map.entry(
              "kernelrs/crc-malformed", ErrorCode.TABLE_NOT_FOUND), // a .crc file and no commits
          // Delta's test suite substitutes {{FOLDER_WITH_SPECIAL_CHAR}} in this absolute DV path
          // before reading
          Map.entry(
              "golden/spark-test-resources/table-with-dv-special-char", ErrorCode.CORRUPT_DATA),
          // Reader feature variantShredding(-preview): shredded variants are not reassembled yet
          Map.entry(
              "deltars/spark-shredded-variant-preview-delta", ErrorCode.UNSUPPORTED_TABLE_FEATURE),
          Map.entry(
              "golden/kernel-defaults/spark-shredded-variant-preview-delta",
              ErrorCode.UNSUPPORTED_TABLE_FEATURE),
          Map.entry(
              "golden/spark-test-resources/variant-stats-nested-no-checkpoint",
              ErrorCode.UNSUPPORTED_TABLE_FEATURE),
          Map.entry(
              "golden/spark-test-resources/variant-stats-no-checkpoint",
              ErrorCode.UNSUPPORTED_TABLE_FEATURE),
          Map.entry(
              "golden/spark-test-resources/variant-stats-state-reconstruction",
              ErrorCode.UNSUPPORTED_TABLE_FEATURE),
          Map.entry(
              "golden/spark-test-resources/variant-stats-with-struct-no-checkpoint",
              ErrorCode.UNSUPPORTED_TABLE_FEATURE));

  @AfterAll
  static void writeReport() throws IOException {
    ConformanceReport.write();
  }

  @TestFactory
  Stream<DynamicTest> everyTableReadsOrIsRefusedClearly() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String folder :
        List.of(
            "deltars",
            "kernelrs",
            "golden/kernel-defaults",
            "golden/spark-test-resources",
            "golden/connectors")) {
      for (Path dir : ConformanceTest.list(TestData.resolve(folder))) {
        String name = folder + "/" + dir.getFileName();
        boolean golden = folder.equals("golden/connectors");
        if (golden
            && (Files.isDirectory(dir.resolve("expected"))
                || ConformanceTest.GOLDEN_NEGATIVE.containsKey(dir.getFileName().toString()))) {
          continue; // covered by ConformanceTest
        }
        Path table = golden ? dir.resolve("delta") : dir;
        if (!Files.isDirectory(table.resolve("_delta_log"))) {
          continue; // not a table (raw Parquet files, placeholders, folders of tables)
        }
        ErrorCode refusal = MUST_REFUSE.get(name);
        tests.add(
            ConformanceTest.recorded(
                folder,
                dir.getFileName().toString(),
                () -> {
                  if (refusal != null) {
                    ConformanceTest.assertRefused(table, refusal);
                  } else {
                    Snapshot s = TestData.open(table).latestSnapshot();
                    if (dataFilesShipped(s)) {
                      TableReads.actual(s);
                    } else {
                      assertMissingFileNamed(s);
                    }
                  }
                }));
      }
    }
    return tests.stream();
  }

  /**
   * Some source repositories keep only the log of a table (their tests replay it and read no row).
   */
  private static boolean dataFilesShipped(Snapshot s) {
    var paths = ((SnapshotImpl) s).paths();
    return s.files().stream()
        .allMatch(f -> Files.exists(Paths.get(paths.absolute(f.path()).toUri())));
  }

  /**
   * Reading such a table fails with an error naming the missing file, and its table and version.
   */
  private static void assertMissingFileNamed(Snapshot s) {
    DeltaException e = assertThrows(DeltaException.class, () -> TableReads.actual(s));
    assertEquals(ErrorCode.CORRUPT_DATA, e.code(), e.getMessage());
    assertTrue(
        e.getMessage().contains("does not exist") && e.getMessage().contains(s.tablePath()),
        e.getMessage());
  }
}
