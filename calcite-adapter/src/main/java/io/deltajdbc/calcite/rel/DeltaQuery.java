package io.deltajdbc.calcite.rel;

import io.deltajdbc.calcite.DeltaCalciteTable;
import io.deltajdbc.calcite.exec.RunControl;
import io.deltajdbc.calcite.exec.SplitRunner;
import io.deltajdbc.calcite.internal.CalciteValues;
import io.deltajdbc.calcite.internal.MemoryGuard;
import io.deltajdbc.calcite.internal.ParameterFilter;
import io.deltajdbc.engine.EngineConfig;
import io.deltajdbc.engine.Scan;
import io.deltajdbc.engine.ScanBuilder;
import io.deltajdbc.engine.ScanSplit;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.expressions.Predicates;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * What a planned scan runs: the table, columns and engine predicate, or a count. Each execution
 * takes the table's newest snapshot (or its pinned version), so a prepared statement sees new
 * commits, and binds the comparisons with statement parameters ({@link ParameterFilter}) to this
 * execution's values. Rows stream; cancel and query timeout stop the scan between rows.
 */
public final class DeltaQuery {
  private final DeltaCalciteTable table;
  private final List<String> columns;
  private final List<DataType> types;
  private final Predicate filter;
  private final ParameterFilter parameterFilter;
  private final boolean countOnly;

  DeltaQuery(
      DeltaCalciteTable table,
      List<String> columns,
      List<DataType> types,
      Predicate filter,
      ParameterFilter parameterFilter,
      boolean countOnly) {
    this.table = table;
    this.columns = columns;
    this.types = types;
    this.filter = filter;
    this.parameterFilter = parameterFilter;
    this.countOnly = countOnly;
  }

  /** A scan of every column of {@code table}, without a filter. */
  public static DeltaQuery allColumns(DeltaCalciteTable table) {
    StructType schema = table.schema();
    return new DeltaQuery(
        table,
        schema.fieldNames(),
        schema.fields().stream().map(StructField::type).toList(),
        null,
        null,
        false);
  }

  /**
   * The engine predicate pushed into the scan (partition pruning, statistics skipping), or null.
   */
  public Predicate filter() {
    return filter;
  }

  /** The engine scan of the current snapshot. */
  Scan plan() {
    return plan(table.snapshot(), null);
  }

  /** The scan with the pushed filter and {@code bound} (the parameters' conjuncts), if any. */
  private Scan plan(Snapshot snapshot, Predicate bound) {
    ScanBuilder b = snapshot.scanBuilder().withColumns(countOnly ? List.of() : columns);
    Predicate all =
        filter == null ? bound : bound == null ? filter : Predicates.and(List.of(filter, bound));
    if (all != null) {
      b = b.withFilter(all);
    }
    return b.build();
  }

  /**
   * Called by generated code: the rows in Calcite's representation, as {@code Object[]}, or as the
   * single value itself when {@code scalar} (a one-column row type).
   */
  public Enumerable<Object> enumerable(DataContext root, boolean scalar) {
    AtomicBoolean cancel = root == null ? null : DataContext.Variable.CANCEL_FLAG.get(root);
    Long timeout = root == null ? null : DataContext.Variable.TIMEOUT.get(root);
    long deadline =
        timeout == null || timeout <= 0 ? Long.MAX_VALUE : System.currentTimeMillis() + timeout;
    return new AbstractEnumerable<Object>() {
      @Override
      public Enumerator<Object> enumerator() {
        Scan scan =
            plan(
                table.snapshot(),
                parameterFilter == null || root == null ? null : parameterFilter.bind(root));
        if (countOnly) {
          var n = scan.rowCountFromLog();
          if (n.isPresent()) {
            return linq(n.getAsLong(), scalar);
          }
          long count = 0;
          try (CloseableIterator<Row> it = scan.rows()) {
            while (it.hasNext()) {
              it.next();
              count++;
              check(cancel, deadline, count, table.name());
            }
          }
          return linq(count, scalar);
        }
        List<ScanSplit> splits = scan.splits();
        int threads = EngineConfig.scanThreads(table.table().logStore().configuration());
        if (threads <= 1 || splits.size() <= 1) {
          return new RowEnumerator(new SplitChain(splits), cancel, deadline, scalar);
        }
        return SplitRunner.rows(
            splits,
            threads,
            r -> toCalcite(r, scalar),
            new RunControl(cancel, deadline, table.name()));
      }
    };
  }

  /** An engine row as Calcite's generated code takes it. */
  private Object toCalcite(Row r, boolean scalar) {
    Object[] out = new Object[types.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = CalciteValues.toCalcite(r.get(i), types.get(i));
    }
    return scalar ? out[0] : out;
  }

  /** The rows of splits one after the other, on the statement's thread. */
  private static final class SplitChain implements CloseableIterator<Row> {
    private final java.util.Iterator<ScanSplit> splits;
    private CloseableIterator<Row> current;

    SplitChain(List<ScanSplit> splits) {
      this.splits = splits.iterator();
    }

    @Override
    public boolean hasNext() {
      while (current == null || !current.hasNext()) {
        if (current != null) {
          current.close();
          current = null;
        }
        if (!splits.hasNext()) {
          return false;
        }
        current = splits.next().rows();
      }
      return true;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      return current.next();
    }

    @Override
    public void close() {
      if (current != null) {
        current.close();
        current = null;
      }
    }
  }

  private static Enumerator<Object> linq(long count, boolean scalar) {
    return org.apache.calcite.linq4j.Linq4j.enumerator(
        List.of(scalar ? (Object) count : new Object[] {count}));
  }

  private static void check(AtomicBoolean cancel, long deadline, long n, String table) {
    if ((n & 1023)
        == 1) { // the first row (a statement canceled while it was planned), then every 1024th
      MemoryGuard.check(table);
      if (cancel != null && cancel.get()) {
        throw new org.apache.calcite.runtime.CalciteException("Statement canceled", null);
      }
      if (System.currentTimeMillis() > deadline) {
        throw new org.apache.calcite.runtime.CalciteException(
            "Query timeout: the statement ran longer than its " + "query timeout and was stopped",
            null);
      }
    }
  }

  /** Engine rows converted to Calcite's values; closing it closes the open data file. */
  private final class RowEnumerator implements Enumerator<Object> {
    private final CloseableIterator<Row> rows;
    private final AtomicBoolean cancel;
    private final long deadline;
    private final boolean scalar;
    private Object current;
    private long n;

    RowEnumerator(
        CloseableIterator<Row> rows, AtomicBoolean cancel, long deadline, boolean scalar) {
      this.rows = rows;
      this.cancel = cancel;
      this.deadline = deadline;
      this.scalar = scalar;
    }

    @Override
    public Object current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      check(cancel, deadline, ++n, table.name());
      if (!rows.hasNext()) {
        return false;
      }
      current = toCalcite(rows.next(), scalar);
      return true;
    }

    @Override
    public void reset() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
      rows.close();
    }
  }
}
