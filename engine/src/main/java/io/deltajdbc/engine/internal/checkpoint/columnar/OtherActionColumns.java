package io.deltajdbc.engine.internal.checkpoint.columnar;

import io.deltajdbc.engine.actions.CheckpointMetadata;
import io.deltajdbc.engine.actions.DomainMetadata;
import io.deltajdbc.engine.actions.Format;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.actions.Protocol;
import io.deltajdbc.engine.actions.SetTransaction;
import io.deltajdbc.engine.actions.Sidecar;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The columns of the few-row actions of a row group (metaData, protocol, txn, domainMetadata,
 * checkpointMetadata, sidecar), and the actions built from them. Each is built as the row decoder
 * builds it: metaData, protocol and txn only with their key field set, the others whenever their
 * struct is there.
 */
final class OtherActionColumns {
  private final RowGroupColumns c;
  private final LeafValues metadataId;
  private final LeafValues protocolReader;
  private final LeafValues txnAppId;
  private final StructColumn domain;
  private final StructColumn checkpointMetadata;
  private final StructColumn sidecar;

  OtherActionColumns(RowGroupColumns c) {
    this.c = c;
    metadataId = c.leaf("metaData.id");
    protocolReader = c.leaf("protocol.minReaderVersion");
    txnAppId = c.leaf("txn.appId");
    domain = c.struct("domainMetadata");
    checkpointMetadata = c.struct("checkpointMetadata");
    sidecar = c.struct("sidecar");
  }

  Metadata metadata(int row) {
    LeafValues id = metadataId;
    if (!id.isSet(row)) {
      return null;
    }
    Format format =
        c.struct("metaData.format").isPresent(row)
            ? new Format(
                c.leaf("metaData.format.provider").string(row),
                c.map("metaData.format.options").get(row))
            : Format.PARQUET;
    return new Metadata(
        id.string(row),
        c.leaf("metaData.name").string(row),
        c.leaf("metaData.description").string(row),
        format,
        c.leaf("metaData.schemaString").string(row),
        c.list("metaData.partitionColumns").get(row),
        c.leaf("metaData.createdTime").boxedLong(row),
        c.map("metaData.configuration").get(row));
  }

  Protocol protocol(int row) {
    LeafValues reader = protocolReader;
    if (!reader.isSet(row)) {
      return null;
    }
    List<String> rf = c.list("protocol.readerFeatures").get(row);
    List<String> wf = c.list("protocol.writerFeatures").get(row);
    Integer writer = c.leaf("protocol.minWriterVersion").boxedInt(row);
    return new Protocol(
        reader.boxedInt(row),
        writer == null ? 1 : writer,
        rf == null ? null : new LinkedHashSet<>(rf),
        wf == null ? null : new LinkedHashSet<>(wf));
  }

  SetTransaction txn(int row) {
    LeafValues appId = txnAppId;
    if (!appId.isSet(row)) {
      return null;
    }
    return new SetTransaction(
        appId.string(row),
        c.leaf("txn.version").longOr(row, 0),
        c.leaf("txn.lastUpdated").boxedLong(row));
  }

  DomainMetadata domainMetadata(int row) {
    if (!domain.isPresent(row)) {
      return null;
    }
    return new DomainMetadata(
        c.leaf("domainMetadata.domain").string(row),
        c.leaf("domainMetadata.configuration").string(row),
        c.leaf("domainMetadata.removed").isTrue(row));
  }

  CheckpointMetadata checkpointMetadata(int row) {
    if (!checkpointMetadata.isPresent(row)) {
      return null;
    }
    return new CheckpointMetadata(
        c.leaf("checkpointMetadata.version").longOr(row, 0),
        c.map("checkpointMetadata.tags").get(row));
  }

  Sidecar sidecar(int row) {
    if (!sidecar.isPresent(row)) {
      return null;
    }
    return new Sidecar(
        c.leaf("sidecar.path").string(row),
        c.leaf("sidecar.sizeInBytes").longOr(row, 0),
        c.leaf("sidecar.modificationTime").longOr(row, 0),
        c.map("sidecar.tags").get(row));
  }
}
