package io.deltajdbc.engine.internal.parquet;

/**
 * A part of a Parquet file, for reading one large file as several splits: the row groups whose
 * first byte lies in {@code [start, end)}. Every row group of a file is in exactly one of the
 * ranges that cut the file at row-group starts.
 */
public record FileRange(long start, long end) {
  /** The whole file. */
  public static final FileRange ALL = new FileRange(0, Long.MAX_VALUE);

  public FileRange {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("a file range from " + start + " to " + end);
    }
  }

  /** True when a row group starting at {@code position} belongs to this range. */
  public boolean contains(long position) {
    return position >= start && position < end;
  }
}
