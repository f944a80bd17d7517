package io.deltajdbc.engine.internal.txn;

import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.DomainMetadata;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.actions.PartitionValues;
import io.deltajdbc.engine.actions.RemoveFile;
import io.deltajdbc.engine.actions.SetTransaction;
import io.deltajdbc.engine.expressions.Column;
import io.deltajdbc.engine.expressions.Predicate;
import io.deltajdbc.engine.expressions.Predicates;
import io.deltajdbc.engine.internal.columnmapping.ColumnMapping;
import io.deltajdbc.engine.internal.expressions.PredicateEvaluator;
import io.deltajdbc.engine.internal.replay.PathCanonicalizer;
import io.deltajdbc.engine.txn.ConcurrentAppendException;
import io.deltajdbc.engine.txn.ConcurrentDeleteDeleteException;
import io.deltajdbc.engine.txn.ConcurrentDeleteReadException;
import io.deltajdbc.engine.txn.ConcurrentTransactionException;
import io.deltajdbc.engine.txn.IsolationLevel;
import io.deltajdbc.engine.txn.MetadataChangedException;
import io.deltajdbc.engine.txn.ProtocolChangedException;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Delta's conflict rules (delta-io/delta {@code ConflictChecker.scala}), applied to one winning
 * commit: protocol and metadata changes, domain metadata and application ids, appends into data
 * this transaction read, and removals of files it read or removes. Returns normally when the
 * transaction may commit on top of the winner.
 */
final class ConflictChecker {
  private final String tablePath;
  private final Metadata metadata;
  private final ReadSet reads;
  private final IsolationLevel isolation;
  private final PathCanonicalizer paths;
  private final ZoneId zone;

  ConflictChecker(
      String tablePath,
      Metadata metadata,
      ReadSet reads,
      IsolationLevel isolation,
      PathCanonicalizer paths,
      ZoneId zone) {
    this.tablePath = tablePath;
    this.metadata = metadata;
    this.reads = reads;
    this.isolation = isolation;
    this.paths = paths;
    this.zone = zone;
  }

  /** What this transaction stages, as far as the rules look at it. */
  record Staged(
      boolean protocolChanged,
      boolean metadataChanged,
      boolean blindAppend,
      Collection<RemoveFile> removes,
      Collection<DomainMetadata> domains) {}

  void check(WinningCommit w, Staged ours) {
    long v = w.version();
    if (w.protocol() != null) {
      if (ours.protocolChanged()) {
        throw new ProtocolChangedException(tablePath, v, "both commits change the protocol");
      }
      try {
        WriterFeatures.checkWritable(
            tablePath, v, w.protocol(), w.metadata() != null ? w.metadata() : metadata);
      } catch (io.deltajdbc.engine.DeltaException e) {
        throw new ProtocolChangedException(tablePath, v, e.getMessage());
      }
    }
    if (w.metadata() != null) {
      throw new MetadataChangedException(tablePath, v, null);
    }
    Set<String> ourDomains =
        ours.domains().stream().map(DomainMetadata::domain).collect(Collectors.toSet());
    for (DomainMetadata d : w.domains()) {
      if (ourDomains.contains(d.domain())) {
        throw new ConcurrentTransactionException(
            tablePath, v, "both commits change domain " + d.domain());
      }
    }
    for (SetTransaction t : w.transactions()) {
      if (reads.appIds.contains(t.appId())) {
        throw new ConcurrentTransactionException(tablePath, v, "application id " + t.appId());
      }
    }
    checkAppends(w, ours);
    List<String> removed = new ArrayList<>();
    w.removes().forEach(r -> removed.add(paths.key(r.path())));
    for (String r : removed) {
      if (reads.files.contains(r)) {
        throw new ConcurrentDeleteReadException(tablePath, v, "file " + r);
      }
    }
    if (!removed.isEmpty() && reads.wholeTable) {
      throw new ConcurrentDeleteReadException(
          tablePath, v, "this transaction read the whole table");
    }
    Set<String> ourRemoves =
        ours.removes().stream().map(r -> paths.key(r.path())).collect(Collectors.toSet());
    for (String r : removed) {
      if (ourRemoves.contains(r)) {
        throw new ConcurrentDeleteDeleteException(tablePath, v, "file " + r);
      }
    }
  }

  private void checkAppends(WinningCommit w, Staged ours) {
    if (ours.blindAppend() || w.adds().isEmpty()) {
      return;
    }
    boolean includeBlindAppends =
        isolation == IsolationLevel.SERIALIZABLE || ours.metadataChanged();
    if (w.isBlindAppend() && !includeBlindAppends) {
      return;
    }
    List<AddFile> added = w.adds().stream().filter(AddFile::dataChange).toList();
    if (added.isEmpty()) {
      return;
    }
    if (reads.wholeTable || metadata.partitionColumns().isEmpty()) {
      throw new ConcurrentAppendException(tablePath, w.version(), "file " + added.get(0).path());
    }
    List<Predicate> partitionParts = reads.predicates.stream().map(this::partitionPart).toList();
    for (AddFile f : added) {
      for (Predicate p : partitionParts) {
        if (Boolean.TRUE.equals(PredicateEvaluator.evaluate(p, c -> partitionValue(f, c)))) {
          throw new ConcurrentAppendException(
              tablePath, w.version(), "partition " + f.partitionValues());
        }
      }
    }
  }

  /**
   * The conjuncts of a read predicate that only involve partition columns (the rest is unknown:
   * true).
   */
  private Predicate partitionPart(Predicate p) {
    Set<String> partitions =
        metadata.partitionColumns().stream()
            .map(s -> s.toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    List<Predicate> keep = new ArrayList<>();
    for (Predicate c : Predicates.conjuncts(p)) {
      if (Predicates.columns(c).stream()
          .allMatch(col -> partitions.contains(col.topLevel().toLowerCase(Locale.ROOT)))) {
        keep.add(c);
      }
    }
    return Predicates.and(keep);
  }

  private Object partitionValue(AddFile f, Column c) {
    StructType schema = metadata.parseSchema();
    StructField field = schema.get(c.topLevel()).orElse(null);
    if (field == null) {
      return null;
    }
    String raw = f.partitionValues().get(ColumnMapping.of(metadata).physicalName(field));
    try {
      return PartitionValues.decode(raw, field.type(), zone);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
