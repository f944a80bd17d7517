package io.deltajdbc.engine.internal.log;

/**
 * What a log file's name says: its kind, version, and for multi-part checkpoints the part and the
 * number of parts; for compactions the end version.
 */
public record LogFileName(Kind kind, long version, int part, int parts, long endVersion) {
  public enum Kind {
    DELTA,
    CLASSIC_CHECKPOINT,
    MULTIPART_CHECKPOINT,
    V2_CHECKPOINT,
    COMPACTION
  }

  public LogFileName(Kind kind, long version, int part, int parts) {
    this(kind, version, part, parts, version);
  }

  public boolean isCheckpoint() {
    return kind == Kind.CLASSIC_CHECKPOINT
        || kind == Kind.MULTIPART_CHECKPOINT
        || kind == Kind.V2_CHECKPOINT;
  }
}
