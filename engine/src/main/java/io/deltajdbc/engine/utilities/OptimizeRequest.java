package io.deltajdbc.engine.utilities;

import io.deltajdbc.engine.expressions.Predicate;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code OPTIMIZE t [WHERE predicate] [ZORDER BY (c, ...)]}: {@code partitionFilter} (null for the
 * whole table) may refer to partition columns only, {@code predicateText} is how the commit records
 * it (delta-spark records the predicate's SQL, as a JSON array of strings), {@code zOrderBy} the
 * data columns to cluster by (empty for bin-packing). {@code largeRunner} (null for none) gives the
 * runner for a rewrite of at least {@code deltajdbc.optimize.backendMinBytes} (256 MiB by default);
 * smaller rewrites, and all without it, run in this JVM. It is only called when the rewrite is that
 * large, so that a backend is not started for nothing; it may return null (no backend here).
 */
public record OptimizeRequest(
    Predicate partitionFilter,
    List<String> predicateText,
    List<String> zOrderBy,
    Supplier<OptimizeRunner> largeRunner) {
  public OptimizeRequest {
    predicateText = List.copyOf(predicateText);
    zOrderBy = List.copyOf(zOrderBy);
  }

  /** Bin-packing of the whole table. */
  public static OptimizeRequest all() {
    return new OptimizeRequest(null, List.of(), List.of(), null);
  }

  /** Only the partitions {@code filter} selects; {@code text} is how the commit names it. */
  public OptimizeRequest where(Predicate filter, String text) {
    return new OptimizeRequest(filter, List.of(text), zOrderBy, largeRunner);
  }

  /** Z-order by {@code columns} instead of bin-packing. */
  public OptimizeRequest zOrderBy(List<String> columns) {
    return new OptimizeRequest(partitionFilter, predicateText, columns, largeRunner);
  }

  /** Large rewrites on the runner {@code runner} gives. */
  public OptimizeRequest largeRewritesOn(Supplier<OptimizeRunner> runner) {
    return new OptimizeRequest(partitionFilter, predicateText, zOrderBy, runner);
  }
}
