package io.deltajdbc.engine.internal.scan;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.Scan;
import io.deltajdbc.engine.ScanBuilder;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.expressions.Predicates;
import io.deltajdbc.engine.internal.columnmapping.ColumnMapping;
import io.deltajdbc.engine.internal.snapshot.SnapshotImpl;
import java.util.List;

/** Collects a scan's projection and filter; {@link #build()} resolves them and plans the files. */
public final class ScanBuilderImpl implements ScanBuilder {
  private final SnapshotImpl snapshot;
  private List<String> columns;
  private Predicate filter;

  public ScanBuilderImpl(SnapshotImpl snapshot) {
    this.snapshot = requireNonNull(snapshot, "snapshot");
  }

  @Override
  public ScanBuilder withColumns(List<String> columns) {
    this.columns = List.copyOf(columns);
    return this;
  }

  @Override
  public ScanBuilder withFilter(Predicate predicate) {
    this.filter = filter == null ? predicate : Predicates.and(filter, predicate);
    return this;
  }

  @Override
  public Scan build() {
    ColumnMapping mapping = ColumnMapping.of(snapshot.metadata());
    ScanColumns cols =
        new ScanColumns(
            snapshot.tablePath(),
            snapshot.schema(),
            snapshot.partitionColumns(),
            mapping,
            columns,
            filter == null ? List.of() : Predicates.columns(filter));
    return new ScanImpl(snapshot, cols, filter, mapping);
  }
}
