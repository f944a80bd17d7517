package io.deltajdbc.engine.internal.parquet;

/** How the reader finds the Parquet column of a schema field. */
public enum ColumnMatching {
  /**
   * By the field's physical name (the logical name when column mapping is off); exact, then
   * case-insensitive.
   */
  BY_NAME,
  /**
   * By the field's column-mapping id, falling back to the physical name in files written without
   * ids.
   */
  BY_FIELD_ID
}
