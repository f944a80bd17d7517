package io.deltajdbc.engine.internal.scan;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.Scan.ScanMetrics;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.FileStats;
import io.deltajdbc.engine.actions.PartitionValues;
import io.deltajdbc.engine.expressions.Column;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.expressions.Predicates;
import io.deltajdbc.engine.internal.expressions.PredicateEvaluator;
import io.deltajdbc.engine.internal.skipping.DataSkipping;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Chooses the files of a scan: conjuncts on partition columns alone are evaluated exactly on each
 * file's partition values (pruning); the whole filter is then checked against statistics
 * (skipping).
 */
final class ScanPlanner {
  private ScanPlanner() {}

  record Plan(List<PlannedFile> files, ScanMetrics metrics, boolean filterOnPartitionsOnly) {}

  static Plan plan(
      String tablePath,
      long version,
      Collection<AddFile> all,
      ScanColumns columns,
      Predicate filter,
      ZoneId zone) {
    List<Predicate> partitionConjuncts = new ArrayList<>();
    boolean partitionsOnly = true;
    if (filter != null) {
      for (Predicate p : Predicates.conjuncts(filter)) {
        List<Column> cols = Predicates.columns(p);
        if (cols.stream().allMatch(columns::isPartition)) {
          partitionConjuncts.add(p);
        } else {
          partitionsOnly = false;
        }
      }
    }
    Predicate partitionFilter =
        partitionConjuncts.isEmpty() ? null : Predicates.and(partitionConjuncts);
    List<PlannedFile> out = new ArrayList<>();
    int pruned = 0;
    int skipped = 0;
    for (AddFile add : all) {
      Object[] pv = partitionValues(tablePath, version, add, columns, zone);
      if (partitionFilter != null) {
        Boolean keep =
            PredicateEvaluator.evaluate(
                partitionFilter, c -> pv[columns.read().indexOf(c.topLevel())]);
        if (!Boolean.TRUE.equals(keep)) {
          pruned++;
          continue;
        }
      }
      PlannedFile f =
          new PlannedFile(add, pv, filter == null ? FileStats.NONE : FileStats.parse(add.stats()));
      if (filter != null
          && !partitionsOnly
          && DataSkipping.canSkip(filter, new FileStatsView(columns, f))) {
        skipped++;
        continue;
      }
      out.add(f);
    }
    return new Plan(out, new ScanMetrics(all.size(), pruned, skipped, out.size()), partitionsOnly);
  }

  static Object[] partitionValues(
      String tablePath, long version, AddFile add, ScanColumns columns, ZoneId zone) {
    Object[] values = new Object[columns.read().size()];
    for (int i = 0; i < values.length; i++) {
      String key = columns.partitionKey(i);
      if (key == null) {
        continue;
      }
      String raw = add.partitionValues().get(key);
      try {
        values[i] = PartitionValues.decode(raw, columns.read().field(i).type(), zone);
      } catch (IllegalArgumentException e) {
        throw DeltaErrors.corruptLog(
            tablePath,
            version,
            "file "
                + add.path()
                + " has partition value '"
                + raw
                + "' for column "
                + columns.read().field(i).name()
                + ", which is not a valid "
                + columns.read().field(i).type()
                + ".",
            e);
      }
    }
    return values;
  }
}
