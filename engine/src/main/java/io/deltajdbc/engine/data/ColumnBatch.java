package io.deltajdbc.engine.data;

import java.util.List;

/**
 * A batch of rows as columns: {@link #size()} rows in each vector, of which the live ones are
 * {@code selection()[0 .. selectedCount())} when a selection is set (rows of a deletion vector left
 * out), or all of them. Reused by its reader: valid until the next batch is read.
 */
public final class ColumnBatch {
  private final List<ColumnVector> columns;
  private int size;
  private int[] selection;
  private int selectedCount;

  public ColumnBatch(List<ColumnVector> columns) {
    this.columns = List.copyOf(columns);
  }

  public List<ColumnVector> columns() {
    return columns;
  }

  public ColumnVector column(int i) {
    return columns.get(i);
  }

  /** The rows in each vector, live or not. */
  public int size() {
    return size;
  }

  /** The live rows' positions, ascending, or null when every row is live. */
  public int[] selection() {
    return selection;
  }

  /** How many rows are live. */
  public int liveCount() {
    return selection == null ? size : selectedCount;
  }

  /** Sets the batch's size, every row live. */
  public void setSize(int size) {
    this.size = size;
    this.selection = null;
    this.selectedCount = size;
  }

  /**
   * Keeps only the rows {@code selection[0 .. count)} (ascending positions below {@link #size()}).
   */
  public void select(int[] selection, int count) {
    this.selection = selection;
    this.selectedCount = count;
  }
}
