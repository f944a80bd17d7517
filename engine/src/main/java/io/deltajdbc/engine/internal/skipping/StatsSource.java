package io.deltajdbc.engine.internal.skipping;

import io.deltajdbc.engine.expressions.Column;

/** The statistics of one file, column by column. */
public interface StatsSource {
  ColumnStat column(Column column);

  /** The file's row count, or null when unknown. */
  Long numRecords();

  /** False when deleted rows make bounds and null counts loose (protocol: "tightBounds"). */
  boolean tightBounds();
}
