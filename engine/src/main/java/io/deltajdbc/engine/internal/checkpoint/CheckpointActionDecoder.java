package io.deltajdbc.engine.internal.checkpoint;

import io.deltajdbc.engine.actions.Action;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.CheckpointMetadata;
import io.deltajdbc.engine.actions.DeletionVectorDescriptor;
import io.deltajdbc.engine.actions.DomainMetadata;
import io.deltajdbc.engine.actions.Format;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.actions.Protocol;
import io.deltajdbc.engine.actions.RemoveFile;
import io.deltajdbc.engine.actions.SetTransaction;
import io.deltajdbc.engine.actions.Sidecar;
import io.deltajdbc.engine.data.Row;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Turns rows of {@link CheckpointSchema#READ_SCHEMA} into action records. */
final class CheckpointActionDecoder {
  private CheckpointActionDecoder() {}

  /**
   * Emits the one action a checkpoint row holds (rows hold exactly one non-null column). Some
   * writers store an absent action as a struct of nulls; one without its key field is no action.
   */
  static void decode(Row row, Consumer<Action> sink) {
    Row r;
    if ((r = present(row, CheckpointSchema.ADD_COL)) != null) {
      sink.accept(add(r));
    }
    if ((r = present(row, CheckpointSchema.REMOVE_COL)) != null) {
      sink.accept(remove(r));
    }
    if ((r = present(row, CheckpointSchema.METADATA_COL)) != null) {
      sink.accept(metadata(r));
    }
    if ((r = present(row, CheckpointSchema.PROTOCOL_COL)) != null) {
      sink.accept(protocol(r));
    }
    if ((r = present(row, CheckpointSchema.TXN_COL)) != null) {
      sink.accept(new SetTransaction(str(r, 0), lng(r, 1, 0), (Long) r.get(2)));
    }
    if ((r = (Row) row.get(CheckpointSchema.DOMAIN_COL)) != null) {
      sink.accept(new DomainMetadata(str(r, 0), str(r, 1), bool(r, 2)));
    }
    if ((r = (Row) row.get(CheckpointSchema.CHECKPOINT_METADATA_COL)) != null) {
      sink.accept(new CheckpointMetadata(lng(r, 0, 0), map(r, 1)));
    }
    if ((r = (Row) row.get(CheckpointSchema.SIDECAR_COL)) != null) {
      sink.accept(new Sidecar(str(r, 0), lng(r, 1, 0), lng(r, 2, 0), map(r, 3)));
    }
  }

  /** The action struct in column {@code col}, when it is there and its first (key) field is set. */
  private static Row present(Row row, int col) {
    Row r = (Row) row.get(col);
    return r == null || r.get(0) == null ? null : r;
  }

  static AddFile add(Row r) {
    return new AddFile(
        str(r, 0),
        map(r, 1),
        lng(r, 2, 0),
        lng(r, 3, 0),
        bool(r, 4),
        str(r, 5),
        map(r, 6),
        dv((Row) r.get(7)),
        (Long) r.get(8),
        (Long) r.get(9),
        str(r, 10));
  }

  private static RemoveFile remove(Row r) {
    return new RemoveFile(
        str(r, 0),
        (Long) r.get(1),
        bool(r, 2),
        (Boolean) r.get(3),
        map(r, 4),
        (Long) r.get(5),
        str(r, 6),
        map(r, 7),
        dv((Row) r.get(8)),
        (Long) r.get(9),
        (Long) r.get(10));
  }

  private static Metadata metadata(Row r) {
    Row fmt = (Row) r.get(3);
    Format format = fmt == null ? Format.PARQUET : new Format(str(fmt, 0), map(fmt, 1));
    return new Metadata(
        str(r, 0),
        str(r, 1),
        str(r, 2),
        format,
        str(r, 4),
        strings(r, 5),
        (Long) r.get(7),
        map(r, 6));
  }

  private static Protocol protocol(Row r) {
    List<String> rf = strings(r, 2);
    List<String> wf = strings(r, 3);
    return new Protocol(
        r.get(0) == null ? 1 : (Integer) r.get(0),
        r.get(1) == null ? 1 : (Integer) r.get(1),
        rf == null ? null : new LinkedHashSet<>(rf),
        wf == null ? null : new LinkedHashSet<>(wf));
  }

  static DeletionVectorDescriptor dv(Row r) {
    if (r == null || r.get(0) == null) {
      return null;
    }
    return new DeletionVectorDescriptor(
        str(r, 0),
        str(r, 1),
        (Integer) r.get(2),
        r.get(3) == null ? 0 : (Integer) r.get(3),
        lng(r, 4, 0),
        (Long) r.get(5));
  }

  private static String str(Row r, int i) {
    return (String) r.get(i);
  }

  private static long lng(Row r, int i, long dflt) {
    Object v = r.get(i);
    return v == null ? dflt : ((Number) v).longValue();
  }

  private static boolean bool(Row r, int i) {
    return Boolean.TRUE.equals(r.get(i));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> map(Row r, int i) {
    return (Map<String, String>) r.get(i);
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Row r, int i) {
    Object v = r.get(i);
    return v == null ? null : new ArrayList<>((List<String>) v);
  }
}
