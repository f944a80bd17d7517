package io.deltajdbc.engine.internal.checkpoint;

import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.DeletionVectorDescriptor;
import io.deltajdbc.engine.actions.DomainMetadata;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.actions.Protocol;
import io.deltajdbc.engine.actions.RemoveFile;
import io.deltajdbc.engine.actions.SetTransaction;
import io.deltajdbc.engine.data.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns actions into rows of {@link CheckpointSchema#WRITE_SCHEMA}: one non-null column per row.
 */
final class CheckpointActionEncoder {
  private static final int COLUMNS = CheckpointSchema.WRITE_SCHEMA.size();

  private CheckpointActionEncoder() {}

  static Row txn(SetTransaction t) {
    return column(CheckpointSchema.TXN_COL, Row.of(t.appId(), t.version(), t.lastUpdated()));
  }

  static Row add(AddFile a) {
    return column(
        CheckpointSchema.ADD_COL,
        Row.of(
            a.path(),
            a.partitionValues(),
            a.size(),
            a.modificationTime(),
            a.dataChange(),
            a.stats(),
            a.tags(),
            dv(a.deletionVector()),
            a.baseRowId(),
            a.defaultRowCommitVersion(),
            a.clusteringProvider()));
  }

  /** Tombstones in checkpoints keep no stats or tags (protocol: "Checkpoints"). */
  static Row remove(RemoveFile r) {
    return column(
        CheckpointSchema.REMOVE_COL,
        Row.of(
            r.path(),
            r.deletionTimestamp(),
            r.dataChange(),
            r.extendedFileMetadata(),
            r.partitionValues(),
            r.size(),
            dv(r.deletionVector()),
            r.baseRowId(),
            r.defaultRowCommitVersion()));
  }

  static Row metadata(Metadata m) {
    Row format = Row.of(m.format().provider(), m.format().options());
    return column(
        CheckpointSchema.METADATA_COL,
        Row.of(
            m.id(),
            m.name(),
            m.description(),
            format,
            m.schemaString(),
            new ArrayList<>(m.partitionColumns()),
            m.configuration(),
            m.createdTime()));
  }

  static Row protocol(Protocol p) {
    return column(
        CheckpointSchema.PROTOCOL_COL,
        Row.of(
            p.minReaderVersion(),
            p.minWriterVersion(),
            p.readerFeatures() == null
                ? null
                : List.copyOf(new java.util.TreeSet<>(p.readerFeatures())),
            p.writerFeatures() == null
                ? null
                : List.copyOf(new java.util.TreeSet<>(p.writerFeatures()))));
  }

  static Row domain(DomainMetadata d) {
    return column(CheckpointSchema.DOMAIN_COL, Row.of(d.domain(), d.configuration(), d.removed()));
  }

  private static Row dv(DeletionVectorDescriptor d) {
    return d == null
        ? null
        : Row.of(
            d.storageType(),
            d.pathOrInlineDv(),
            d.offset(),
            d.sizeInBytes(),
            d.cardinality(),
            d.maxRowIndex());
  }

  private static Row column(int index, Row value) {
    Object[] values = new Object[COLUMNS];
    values[index] = value;
    return Row.wrap(values);
  }
}
