package io.deltajdbc.engine;

import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.DomainMetadata;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.actions.Protocol;
import io.deltajdbc.engine.files.TableFiles;
import io.deltajdbc.engine.types.StructType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The immutable state of a table at one version: protocol, metadata, schema and live files.
 * Obtained from {@link DeltaTable}; read its rows through {@link #scanBuilder()}.
 */
public interface Snapshot {

  /** The table root, as given to {@link DeltaTable#forPath}. */
  String tablePath();

  long version();

  /**
   * The commit time of this version in epoch milliseconds: the in-commit timestamp when the table
   * records them, otherwise the commit file's modification time.
   */
  long timestamp();

  Protocol protocol();

  Metadata metadata();

  /** The logical schema, partition columns included, in table order. */
  StructType schema();

  List<String> partitionColumns();

  /** Table properties ({@code delta.*} and user-defined). */
  Map<String, String> properties();

  /** The live data files, after reconciliation. */
  Collection<AddFile> files();

  /** The latest version committed by an application with this id (idempotent writes). */
  Optional<Long> transactionVersion(String appId);

  /** Live domain metadata by domain name. */
  Optional<DomainMetadata> domainMetadata(String domain);

  /** A builder for a scan of this snapshot's rows. */
  ScanBuilder scanBuilder();

  /** This version's data files, to read and write them outside a scan (serializable). */
  TableFiles tableFiles();
}
