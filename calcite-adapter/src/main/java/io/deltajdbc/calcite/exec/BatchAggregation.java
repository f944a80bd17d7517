package io.deltajdbc.calcite.exec;

import io.deltajdbc.engine.ScanSplit;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.ColumnBatch;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A compiled aggregation over a scan's batches: the condition (null: every row), the GROUP BY key
 * expressions and the aggregate calls. {@link #run} aggregates one split into a {@link Partial};
 * partials are merged in split order, so the result does not depend on which thread ran which
 * split.
 */
public final class BatchAggregation {
  private final Pred condition;
  private final List<Scalar> keys;
  private final List<RelDataType> keyTypes;
  private final List<AggregateCall> calls;

  BatchAggregation(
      Pred condition, List<Scalar> keys, List<RelDataType> keyTypes, List<AggregateCall> calls) {
    this.condition = condition;
    this.keys = keys;
    this.keyTypes = keyTypes;
    this.calls = calls;
  }

  /** The groups and their states of the rows of some splits. */
  public final class Partial {
    private final GroupTable groups = new GroupTable(keys.stream().map(k -> k.kind).toList());
    private final List<Accumulator> accumulators =
        calls.stream().map(AggregateCall::accumulator).toList();

    /** Adds {@code other}'s groups into this one. */
    public void merge(Partial other) {
      for (int og = 0; og < other.groups.size(); og++) {
        int g = groups.groupOf(other.groups.keyOf(og));
        for (int a = 0; a < accumulators.size(); a++) {
          accumulators.get(a).ensure(groups.size());
          accumulators.get(a).merge(g, other.accumulators.get(a), og);
        }
      }
    }

    /**
     * The result rows in Calcite's representation: keys then calls. Without GROUP BY there is one
     * row even when no row matched.
     */
    public List<Object[]> rows() {
      if (keys.isEmpty() && groups.size() == 0) {
        groups.groupOf(new Vec[0]);
        accumulators.forEach(a -> a.ensure(1));
      }
      List<Object[]> out = new ArrayList<>(groups.size());
      for (int g = 0; g < groups.size(); g++) {
        Object[] row = new Object[keys.size() + calls.size()];
        for (int k = 0; k < keys.size(); k++) {
          row[k] = CalciteResults.of(groups.key(k, g), keyTypes.get(k), keys.get(k).scale);
        }
        for (int a = 0; a < calls.size(); a++) {
          AggregateCall call = calls.get(a);
          int scale = call.argument() == null ? 0 : call.argument().scale;
          row[keys.size() + a] =
              CalciteResults.of(accumulators.get(a).result(g), call.resultType(), scale);
        }
        out.add(row);
      }
      return out;
    }
  }

  /**
   * The partial of one split from the log's statistics alone, without reading the file: when the
   * aggregation has no condition and no GROUP BY and every call is COUNT(*), COUNT(column), MIN or
   * MAX of a column whose statistics are exact for this split; otherwise null.
   */
  public Partial fromLog(ScanSplit split) {
    if (condition != null || !keys.isEmpty()) {
      return null;
    }
    var stats = split.statsFromLog().orElse(null);
    if (stats == null) {
      return null;
    }
    Partial partial = new Partial();
    partial.groups.groupOf(new Vec[0]);
    for (int a = 0; a < calls.size(); a++) {
      AggregateCall call = calls.get(a);
      Accumulator acc = partial.accumulators.get(a);
      acc.ensure(1);
      if (call.argument() == null) {
        ((Accumulator.Count) acc).addRows(0, stats.rowCount());
        continue;
      }
      if (!(call.argument() instanceof Scalar.ColumnRef ref)) {
        return null;
      }
      ScanSplit.ColumnBounds bounds = stats.column(ref.index).orElse(null);
      if (bounds == null) {
        return null;
      }
      switch (call.function()) {
        case COUNT -> ((Accumulator.Count) acc).addRows(0, stats.rowCount() - bounds.nullCount());
        case MIN, MAX -> {
          if (bounds.min() != null) {
            ((Accumulator.LongExtreme) acc)
                .take(
                    0,
                    asLong(
                        call.function() == AggregateCall.Function.MAX ? bounds.max() : bounds.min(),
                        ref.scale));
          }
        }
        default -> {
          return null;
        }
      }
    }
    return partial;
  }

  /**
   * A row value as a long column holds it: integers, dates as epoch days, decimals unscaled at
   * {@code scale}.
   */
  private static long asLong(Object v, int scale) {
    if (v instanceof BigDecimal d) {
      return d.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }
    if (v instanceof LocalDate d) {
      return d.toEpochDay();
    }
    return ((Number) v).longValue();
  }

  /** An empty partial, the start of a merge. */
  public Partial empty() {
    return new Partial();
  }

  /**
   * Aggregates the rows of one split, from the log's statistics when they suffice ({@link
   * #fromLog}), else from its batches; {@code control} stops it when the statement is canceled.
   */
  public Partial run(ScanSplit split, RunControl control) {
    Partial logged = fromLog(split);
    if (logged != null) {
      return logged;
    }
    Pred cond = condition == null ? null : condition.copy();
    List<Scalar> keyExprs = keys.stream().map(Scalar::copy).toList();
    List<Scalar> args =
        calls.stream().map(c -> c.argument() == null ? null : c.argument().copy()).toList();
    Partial partial = new Partial();
    int[] all = new int[0];
    int[] selected = new int[0];
    int[] groupOf = new int[0];
    Vec[] keyValues = new Vec[keyExprs.size()];
    try (CloseableIterator<ColumnBatch> batches = split.batches(RunControl.BATCH_SIZE)) {
      while (batches.hasNext()) {
        control.check();
        ColumnBatch batch = batches.next();
        int size = batch.size();
        if (all.length < size) {
          all = new int[size];
          selected = new int[size];
          groupOf = new int[size];
        }
        int[] sel;
        int n;
        if (batch.selection() != null) {
          sel = batch.selection();
          n = batch.liveCount();
        } else {
          for (int i = 0; i < size; i++) {
            all[i] = i;
          }
          sel = all;
          n = size;
        }
        if (cond != null) {
          n = cond.selectTrue(batch, sel, n, selected);
          sel = selected;
        }
        if (n == 0) {
          continue;
        }
        for (int k = 0; k < keyValues.length; k++) {
          keyValues[k] = keyExprs.get(k).eval(batch, sel, n);
        }
        partial.groups.groupIds(keyValues, sel, n, groupOf);
        for (int a = 0; a < args.size(); a++) {
          Accumulator acc = partial.accumulators.get(a);
          acc.ensure(partial.groups.size());
          acc.add(args.get(a) == null ? null : args.get(a).eval(batch, sel, n), sel, n, groupOf);
        }
      }
    }
    return partial;
  }
}
