package io.deltajdbc.engine.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.Scan;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.expressions.Column;
import io.deltajdbc.engine.expressions.Literal;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.expressions.Predicates;
import io.deltajdbc.engine.testing.Normalized;
import io.deltajdbc.engine.testing.TestData;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Filtered scans return exactly the rows a full scan has that satisfy the filter, whatever
 * partition pruning and statistics skipping left out, for each column and several operators.
 */
class ScanFilterTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "basic_partitioned",
        "multi_partitioned",
        "multi_partitioned_2",
        "partitioned_with_null",
        "column_mapping",
        "deletion_vectors",
        "all_primitive_types",
        "with_checkpoint",
        "timestamp_ntz"
      })
  void filteredScansKeepExactlyTheMatchingRows(String dat) {
    Snapshot s =
        TestData.open(TestData.resolve("dat/out/reader_tests/generated/" + dat + "/delta"))
            .latestSnapshot();
    List<Row> all = rows(s.scanBuilder().build());
    int pruned = 0;
    for (int c = 0; c < s.schema().size(); c++) {
      StructField f = s.schema().field(c);
      if (!(f.type() instanceof PrimitiveType)
          || f.type() == PrimitiveType.BINARY
          || f.type() == PrimitiveType.BOOLEAN) {
        continue;
      }
      int col = c;
      List<Object> values = new ArrayList<>();
      all.forEach(r -> values.add(r.get(col)));
      values.removeIf(Objects::isNull);
      if (values.isEmpty()) {
        continue;
      }
      values.sort(null);
      Object v = values.get(values.size() / 2);
      Column ref = Column.of(f.name());
      pruned += check(s, all, Predicates.eq(ref, Literal.of(v)), r -> v.equals(r.get(col)));
      check(
          s,
          all,
          Predicates.lt(ref, Literal.of(v)),
          r -> r.get(col) != null && compare(r.get(col), v) < 0);
      check(
          s,
          all,
          Predicates.ge(ref, Literal.of(v)),
          r -> r.get(col) != null && compare(r.get(col), v) >= 0);
      check(
          s,
          all,
          Predicates.not(Predicates.eq(ref, Literal.of(v))),
          r -> r.get(col) != null && !v.equals(r.get(col)));
      check(s, all, Predicates.isNull(ref), r -> r.get(col) == null);
    }
    if (!s.partitionColumns().isEmpty() && s.files().size() > 1) {
      assertTrue(pruned > 0, dat + ": equality on a partition column prunes files");
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
  }

  private static int check(
      Snapshot s, List<Row> all, Predicate filter, java.util.function.Predicate<Row> expected) {
    Scan scan = s.scanBuilder().withFilter(filter).build();
    List<String> want = text(all.stream().filter(expected).toList(), s);
    assertEquals(want, text(rows(scan), s), s.tablePath() + " WHERE " + filter);
    Scan.ScanMetrics m = scan.metrics();
    assertEquals(
        m.filesInSnapshot(),
        m.prunedByPartition() + m.skippedByStats() + m.filesToRead(),
        filter.toString());
    return m.prunedByPartition();
  }

  private static List<Row> rows(Scan scan) {
    List<Row> out = new ArrayList<>();
    try (CloseableIterator<Row> it = scan.rows()) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  private static List<String> text(List<Row> rows, Snapshot s) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(Normalized.row(r, s.schema())));
    Collections.sort(out);
    return out;
  }
}
