package io.deltajdbc.calcite.internal.join;

import java.util.List;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;

/**
 * The metadata joins are planned with: Calcite's, with the cost of hash joins ({@link
 * HashJoinCost}), join sizes ({@link JoinRowCount}) and the distinct values of scanned columns
 * ({@link ScanDistinctValues}) in its place.
 */
public final class JoinMetadata {
  /** The provider to install on the cluster and in the planning program. */
  public static final RelMetadataProvider PROVIDER =
      ChainedRelMetadataProvider.of(
          List.of(
              ReflectiveRelMetadataProvider.reflectiveSource(
                  HashJoinCost.INSTANCE, BuiltInMetadata.NonCumulativeCost.Handler.class),
              ReflectiveRelMetadataProvider.reflectiveSource(
                  JoinRowCount.INSTANCE, BuiltInMetadata.RowCount.Handler.class),
              ReflectiveRelMetadataProvider.reflectiveSource(
                  ScanDistinctValues.INSTANCE, BuiltInMetadata.DistinctRowCount.Handler.class),
              DefaultRelMetadataProvider.INSTANCE));

  private JoinMetadata() {}
}
