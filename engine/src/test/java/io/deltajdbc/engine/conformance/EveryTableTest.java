package io.deltajdbc.engine.conformance;

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

/**
 * Every other table of the conformance data (delta-rs, delta-kernel-rs, kernel-defaults, Spark test
 * resources, golden tables without an expected folder): its latest snapshot loads and every row
 * reads, or it is refused with the error the protocol calls for. Where MANIFEST.md gives an answer,
 * {@link KnownAnswersTest} checks the rows themselves.
 */
class EveryTableTest {

  /** Tables a correct reader must refuse, and why. */
  static final Map<String, ErrorCode> MUST_REFUSE = Map.of(
      "deltars/simple_table_features", ErrorCode.UNSUPPORTED_TABLE_FEATURE,   // reader feature "blahabl"
      "golden/kernel-defaults/catalog-owned-preview", ErrorCode.CATALOG_MANAGED_TABLE,
      "kernelrs/table-with-geo", ErrorCode.UNSUPPORTED_TABLE_FEATURE,         // reader feature geospatial
      "golden/connectors/data-reader-absolute-paths-escaped-chars", ErrorCode.CORRUPT_LOG, // no protocol/metaData
      "kernelrs/crc-malformed", ErrorCode.TABLE_NOT_FOUND);                   // a .crc file and no commits

  @AfterAll
  static void writeReport() throws IOException {
    ConformanceReport.write();
  }

  @TestFactory
  Stream<DynamicTest> everyTableReadsOrIsRefusedClearly() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String folder : List.of("deltars", "kernelrs", "golden/kernel-defaults", "golden/spark-test-resources",
        "golden/connectors")) {
      for (Path dir : ConformanceTest.list(TestData.resolve(folder))) {
        String name = folder + "/" + dir.getFileName();
        boolean golden = folder.equals("golden/connectors");
        if (golden && (Files.isDirectory(dir.resolve("expected"))
            || ConformanceTest.GOLDEN_NEGATIVE.containsKey(dir.getFileName().toString()))) {
          continue; // covered by ConformanceTest
        }
        Path table = golden ? dir.resolve("delta") : dir;
        if (!Files.isDirectory(table.resolve("_delta_log"))) {
          continue; // not a table (raw Parquet files, placeholders, folders of tables)
        }
        ErrorCode refusal = MUST_REFUSE.get(name);
        tests.add(ConformanceTest.recorded(folder, dir.getFileName().toString(), () -> {
          if (refusal != null) {
            ConformanceTest.assertRefused(table, refusal);
          } else {
            Snapshot s = DeltaTable.forPath(table.toString()).latestSnapshot();
            TableReads.actual(s);
          }
        }));
      }
    }
    return tests.stream();
  }
}
