package io.deltajdbc.calcite.internal.join;

import io.deltajdbc.calcite.rel.DeltaTableScan;
import java.util.OptionalLong;
import org.apache.calcite.rel.convert.ConverterImpl;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Distinct values of a Delta scan's columns from the log (see {@code Scan.distinctValuesBound}):
 * the product of the columns' bounds, at most the scan's rows, then thinned as a filter thins the
 * rows (Calcite's {@link RelMdUtil#numDistinctVals}). Unknown (null, as Calcite has it) when a
 * column's bound is. Converters pass their input's on.
 */
public final class ScanDistinctValues implements MetadataHandler<BuiltInMetadata.DistinctRowCount> {
  public static final ScanDistinctValues INSTANCE = new ScanDistinctValues();

  private ScanDistinctValues() {}

  @Override
  @Deprecated
  public MetadataDef<BuiltInMetadata.DistinctRowCount> getDef() {
    return BuiltInMetadata.DistinctRowCount.DEF;
  }

  /** A converter's rows are its input's (Calcite knows nothing of converters' distinct values). */
  public Double getDistinctRowCount(
      ConverterImpl converter, RelMetadataQuery mq, ImmutableBitSet groupKey, RexNode predicate) {
    return mq.getDistinctRowCount(converter.getInput(), groupKey, predicate);
  }

  /**
   * Distinct combinations of the columns in {@code groupKey} among the rows that pass {@code
   * predicate}.
   */
  public Double getDistinctRowCount(
      DeltaTableScan scan, RelMetadataQuery mq, ImmutableBitSet groupKey, RexNode predicate) {
    double rows = scan.estimateRowCount(mq);
    if (groupKey.isEmpty()) {
      return rows > 0 ? 1.0 : 0.0;
    }
    double distinct = 1;
    for (int column : groupKey) {
      OptionalLong bound = scan.distinctValuesBound(column);
      if (bound.isEmpty()) {
        return null;
      }
      distinct = Math.min(rows, distinct * Math.max(1, bound.getAsLong()));
    }
    Double selectivity = mq.getSelectivity(scan, predicate);
    double selected = rows * (selectivity == null ? 1 : selectivity);
    return Math.max(1, RelMdUtil.numDistinctVals(distinct, selected));
  }
}
