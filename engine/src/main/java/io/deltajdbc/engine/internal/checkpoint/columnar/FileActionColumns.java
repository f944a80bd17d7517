package io.deltajdbc.engine.internal.checkpoint.columnar;

import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.DeletionVectorDescriptor;
import io.deltajdbc.engine.actions.RemoveFile;

/**
 * The {@code add} and {@code remove} columns of a row group, and the file actions built from them.
 */
final class FileActionColumns {
  private final LeafValues addPath;
  private final MapColumn addPartitionValues;
  private final LeafValues addSize;
  private final LeafValues addModificationTime;
  private final LeafValues addDataChange;
  private final LeafValues addStats;
  private final MapColumn addTags;
  private final Dv addDv;
  private final LeafValues addBaseRowId;
  private final LeafValues addDefaultRowCommitVersion;
  private final LeafValues addClusteringProvider;

  private final LeafValues removePath;
  private final LeafValues removeDeletionTimestamp;
  private final LeafValues removeDataChange;
  private final LeafValues removeExtendedFileMetadata;
  private final MapColumn removePartitionValues;
  private final LeafValues removeSize;
  private final LeafValues removeStats;
  private final MapColumn removeTags;
  private final Dv removeDv;
  private final LeafValues removeBaseRowId;
  private final LeafValues removeDefaultRowCommitVersion;

  FileActionColumns(RowGroupColumns c) {
    addPath = c.leaf("add.path");
    addPartitionValues = c.map("add.partitionValues");
    addSize = c.leaf("add.size");
    addModificationTime = c.leaf("add.modificationTime");
    addDataChange = c.leaf("add.dataChange");
    addStats = c.leaf("add.stats");
    addTags = c.map("add.tags");
    addDv = new Dv(c, "add.deletionVector.");
    addBaseRowId = c.leaf("add.baseRowId");
    addDefaultRowCommitVersion = c.leaf("add.defaultRowCommitVersion");
    addClusteringProvider = c.leaf("add.clusteringProvider");
    removePath = c.leaf("remove.path");
    removeDeletionTimestamp = c.leaf("remove.deletionTimestamp");
    removeDataChange = c.leaf("remove.dataChange");
    removeExtendedFileMetadata = c.leaf("remove.extendedFileMetadata");
    removePartitionValues = c.map("remove.partitionValues");
    removeSize = c.leaf("remove.size");
    removeStats = c.leaf("remove.stats");
    removeTags = c.map("remove.tags");
    removeDv = new Dv(c, "remove.deletionVector.");
    removeBaseRowId = c.leaf("remove.baseRowId");
    removeDefaultRowCommitVersion = c.leaf("remove.defaultRowCommitVersion");
  }

  /** The add of {@code row}, or null when the row has none (no path). */
  AddFile add(int row) {
    String path = addPath.string(row);
    if (path == null) {
      return null;
    }
    return new AddFile(
        path,
        addPartitionValues.get(row),
        addSize.longOr(row, 0),
        addModificationTime.longOr(row, 0),
        addDataChange.isTrue(row),
        addStats.string(row),
        addTags.get(row),
        addDv.get(row),
        addBaseRowId.boxedLong(row),
        addDefaultRowCommitVersion.boxedLong(row),
        addClusteringProvider.string(row));
  }

  /** The remove of {@code row}, or null when the row has none (no path). */
  RemoveFile remove(int row) {
    String path = removePath.string(row);
    if (path == null) {
      return null;
    }
    return new RemoveFile(
        path,
        removeDeletionTimestamp.boxedLong(row),
        removeDataChange.isTrue(row),
        removeExtendedFileMetadata.boxedBoolean(row),
        removePartitionValues.get(row),
        removeSize.boxedLong(row),
        removeStats.string(row),
        removeTags.get(row),
        removeDv.get(row),
        removeBaseRowId.boxedLong(row),
        removeDefaultRowCommitVersion.boxedLong(row));
  }

  /** A deletion vector struct's columns: none when its storage type is null. */
  private static final class Dv {
    private final LeafValues storageType;
    private final LeafValues pathOrInlineDv;
    private final LeafValues offset;
    private final LeafValues sizeInBytes;
    private final LeafValues cardinality;
    private final LeafValues maxRowIndex;

    Dv(RowGroupColumns c, String prefix) {
      storageType = c.leaf(prefix + "storageType");
      pathOrInlineDv = c.leaf(prefix + "pathOrInlineDv");
      offset = c.leaf(prefix + "offset");
      sizeInBytes = c.leaf(prefix + "sizeInBytes");
      cardinality = c.leaf(prefix + "cardinality");
      maxRowIndex = c.leaf(prefix + "maxRowIndex");
    }

    DeletionVectorDescriptor get(int row) {
      String type = storageType.string(row);
      if (type == null) {
        return null;
      }
      return new DeletionVectorDescriptor(
          type,
          pathOrInlineDv.string(row),
          offset.boxedInt(row),
          (int) sizeInBytes.longOr(row, 0),
          cardinality.longOr(row, 0),
          maxRowIndex.boxedLong(row));
    }
  }
}
