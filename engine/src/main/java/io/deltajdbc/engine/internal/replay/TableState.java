package io.deltajdbc.engine.internal.replay;

import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.DomainMetadata;
import io.deltajdbc.engine.actions.FileKey;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.actions.Protocol;
import io.deltajdbc.engine.actions.RemoveFile;
import io.deltajdbc.engine.actions.SetTransaction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reconciled state of a table at one version (protocol: "Action Reconciliation"): the latest
 * protocol and metadata, live files keyed by (path, deletion vector id), tombstones, the latest
 * transaction version per application and the live domain metadata. Immutable once built.
 */
public record TableState(
    long version,
    Protocol protocol,
    Metadata metadata,
    Map<FileKey, AddFile> files,
    Map<FileKey, RemoveFile> tombstones,
    Map<String, SetTransaction> transactions,
    Map<String, DomainMetadata> domains,
    Long inCommitTimestamp) {

  public TableState {
    files = Collections.unmodifiableMap(files);
    tombstones = Collections.unmodifiableMap(tombstones);
    transactions = Collections.unmodifiableMap(transactions);
    domains = Collections.unmodifiableMap(domains);
  }

  /** The live domain metadata, without tombstones. */
  public Map<String, DomainMetadata> liveDomains() {
    Map<String, DomainMetadata> live = new LinkedHashMap<>();
    domains.forEach(
        (k, v) -> {
          if (!v.removed()) {
            live.put(k, v);
          }
        });
    return live;
  }
}
