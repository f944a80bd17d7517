package io.deltajdbc.engine.conformance;

import io.deltajdbc.engine.Scan;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.testing.ExpectedRows;
import io.deltajdbc.engine.testing.Normalized;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a snapshot's rows and an expected answer into comparable, sorted text rows. */
final class TableReads {
  private TableReads() {}

  static List<String> actual(Snapshot snapshot) {
    Scan scan = snapshot.scanBuilder().build();
    List<String> rows = new ArrayList<>();
    try (CloseableIterator<Row> it = scan.rows()) {
      while (it.hasNext()) {
        rows.add(Normalized.row(it.next(), scan.readSchema()));
      }
    }
    Collections.sort(rows);
    return rows;
  }

  static List<String> expected(Path expectedDir) {
    List<String> rows = new ArrayList<>();
    for (Map<String, Object> r : ExpectedRows.readDirectory(expectedDir)) {
      rows.add(Normalized.expected(r));
    }
    Collections.sort(rows);
    return rows;
  }

  /** A short description of how two sorted row lists differ, for assertion messages. */
  static String diff(List<String> expected, List<String> actual) {
    Map<String, Integer> counts = new HashMap<>();
    expected.forEach(r -> counts.merge(r, 1, Integer::sum));
    actual.forEach(r -> counts.merge(r, -1, Integer::sum));
    List<String> missing = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    counts.forEach(
        (r, c) -> {
          if (c > 0) {
            missing.add(r);
          } else if (c < 0) {
            extra.add(r);
          }
        });
    Collections.sort(missing);
    Collections.sort(extra);
    return "expected "
        + expected.size()
        + " rows, read "
        + actual.size()
        + "; missing "
        + missing.subList(0, Math.min(3, missing.size()))
        + (missing.size() > 3 ? " ..." : "")
        + "; unexpected "
        + extra.subList(0, Math.min(3, extra.size()))
        + (extra.size() > 3 ? " ..." : "");
  }
}
