package io.deltajdbc.engine.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.Scan;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.expressions.Column;
import io.deltajdbc.engine.expressions.Literal;
import io.deltajdbc.engine.expressions.Predicates;
import io.deltajdbc.engine.testing.TestData;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checkpoints that keep file statistics only as a struct ({@code add.stats_parsed}, no JSON): their
 * row counts answer COUNT(*) from the log, and their bounds skip files.
 */
class CheckpointStatisticsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kernelrs/v1-single-part-struct-stats-only",
        "kernelrs/v1-multi-part-struct-stats-only",
        "kernelrs/v1-multi-part-partitioned-struct-stats-only",
        "kernelrs/v2-classic-parquet-struct-stats-only",
        "kernelrs/v2-json-sidecars-struct-stats-only",
        "kernelrs/v2-parquet-sidecars-struct-stats-only",
        "dat/out/reader_tests/generated/stats_as_struct/delta",
        "deltars/delta-1.2.1-only-struct-stats"
      })
  void structStatisticsCountRowsAndSkipFiles(String table) {
    Snapshot s = TestData.open(TestData.resolve(table)).latestSnapshot();
    assertTrue(
        s.files().stream().allMatch(f -> f.stats() != null), table + ": every file has statistics");

    Scan all = s.scanBuilder().build();
    long rows = 0;
    try (CloseableIterator<Row> it = all.rows()) {
      while (it.hasNext()) {
        it.next();
        rows++;
      }
    }
    assertEquals(rows, all.rowCountFromLog().orElseThrow(), table + ": row count from the log");

    StructField column =
        s.schema().fields().stream()
            .filter(f -> f.type() == PrimitiveType.LONG || f.type() == PrimitiveType.INTEGER)
            .filter(f -> !s.partitionColumns().contains(f.name()))
            .findFirst()
            .orElseThrow();
    long min = Long.MAX_VALUE;
    try (CloseableIterator<Row> it =
        s.scanBuilder().withColumns(List.of(column.name())).build().rows()) {
      while (it.hasNext()) {
        Object v = it.next().get(0);
        if (v != null) {
          min = Math.min(min, ((Number) v).longValue());
        }
      }
    }
    Scan below =
        s.scanBuilder()
            .withFilter(Predicates.lt(Column.of(column.name()), Literal.of(min)))
            .build();
    assertEquals(
        s.files().size(),
        below.metrics().skippedByStats(),
        table + ": " + column.name() + " < " + min);
    assertEquals(0, below.files().size());
  }
}
