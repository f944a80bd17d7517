package io.deltajdbc.calcite.rel;

import io.deltajdbc.calcite.DeltaCalciteTable;
import io.deltajdbc.calcite.exec.BatchAggregation;
import io.deltajdbc.calcite.exec.RunControl;
import io.deltajdbc.calcite.exec.SplitRunner;
import io.deltajdbc.engine.EngineConfig;
import io.deltajdbc.engine.ScanBuilder;
import io.deltajdbc.engine.expressions.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

/**
 * What a {@link DeltaAggregate} runs: on each execution, the table's current snapshot (or pinned
 * version) scanned for the columns, pruned by the engine predicate, and aggregated split by split.
 */
public final class DeltaAggregateQuery {
  private final DeltaCalciteTable table;
  private final List<String> columns;
  private final Predicate pushed;
  private final BatchAggregation aggregation;

  DeltaAggregateQuery(
      DeltaCalciteTable table,
      List<String> columns,
      Predicate pushed,
      BatchAggregation aggregation) {
    this.table = table;
    this.columns = columns;
    this.pushed = pushed;
    this.aggregation = aggregation;
  }

  /**
   * Called by generated code: the result rows, as {@code Object[]} or as the single value when
   * {@code scalar}.
   */
  public Enumerable<Object> enumerable(DataContext root, boolean scalar) {
    AtomicBoolean cancel = root == null ? null : DataContext.Variable.CANCEL_FLAG.get(root);
    Long timeout = root == null ? null : DataContext.Variable.TIMEOUT.get(root);
    long deadline =
        timeout == null || timeout <= 0 ? Long.MAX_VALUE : System.currentTimeMillis() + timeout;
    return new AbstractEnumerable<Object>() {
      // computed once per execution: a nested-loop join enumerates its inner input once per outer
      // row
      private List<Object> result;

      @Override
      public Enumerator<Object> enumerator() {
        if (result == null) {
          result = compute();
        }
        return Linq4j.enumerator(result);
      }

      private List<Object> compute() {
        ScanBuilder b = table.snapshot().scanBuilder().withColumns(columns);
        if (pushed != null) {
          b = b.withFilter(pushed);
        }
        var splits = b.build().splits();
        int threads = EngineConfig.scanThreads(table.table().logStore().configuration());
        List<Object[]> rows =
            SplitRunner.aggregate(
                    aggregation, splits, threads, new RunControl(cancel, deadline, table.name()))
                .rows();
        List<Object> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(scalar ? r[0] : r));
        return out;
      }
    };
  }
}
