package io.deltajdbc.engine;

/**
 * Every kind of failure the engine reports, with the SQLState a JDBC driver should give it. A
 * caller branches on the code, never on message text.
 */
public enum ErrorCode {
  /** The path holds no Delta table (no {@code _delta_log}, or an empty one). */
  TABLE_NOT_FOUND("42S02"),
  /** A table was to be created where one exists already. */
  TABLE_ALREADY_EXISTS("42S01"),
  /** A column named in a projection or predicate is not in the schema. */
  COLUMN_NOT_FOUND("42S22"),
  /** A time-travel version is below the earliest or above the latest readable version. */
  VERSION_OUT_OF_RANGE("22023"),
  /** A time-travel timestamp is before the first commit or after the latest one. */
  TIMESTAMP_OUT_OF_RANGE("22023"),
  /** The table needs a reader version or feature this engine does not implement. */
  UNSUPPORTED_TABLE_FEATURE("0A000"),
  /** The table is owned by a catalog (catalogManaged) and cannot be read or written by path. */
  CATALOG_MANAGED_TABLE("0A000"),
  /** The log breaks the protocol: a version gap, a missing checkpoint part, no protocol, ... */
  CORRUPT_LOG("XX001"),
  /** A data file or deletion vector named by the log is missing or unreadable. */
  CORRUPT_DATA("XX001"),
  /** A number does not fit its column's type (SQL: numeric value out of range). */
  NUMERIC_VALUE_OUT_OF_RANGE("22003"),
  /**
   * A date or timestamp is beyond the range its column's type stores (SQL: datetime field
   * overflow).
   */
  DATETIME_VALUE_OUT_OF_RANGE("22008"),
  /** An argument from the caller is invalid (bad predicate, bad option value). */
  INVALID_ARGUMENT("22023"),
  /**
   * Refused by the engine's security rules: an expression that calls a function or uses a construct
   * not on the allow-list (a subquery, a file path table), a Spark setting a connection may not
   * change.
   */
  ACCESS_RULE_VIOLATION("42000"),
  /** Storage failed underneath us (the cause carries the I/O error). */
  STORAGE_ERROR("58030"),
  /** A concurrent commit won the race and its changes conflict with ours. */
  CONCURRENT_MODIFICATION("40001"),
  /** DML needs its execution backend (Apache Spark), which is not on the class path. */
  EXECUTION_BACKEND_UNAVAILABLE("0A000"),
  /**
   * A DML statement's execution failed on the backend (a task failed, an expression cannot be
   * evaluated).
   */
  EXECUTION_FAILED("58000"),
  /**
   * A MERGE would change one target row for more than one source row (SQL: cardinality violation).
   */
  MERGE_CARDINALITY_VIOLATION("21000"),
  /** A write breaks a table rule: NOT NULL, CHECK constraint, append-only, schema. */
  CONSTRAINT_VIOLATION("23000"),
  /** An expression divided by zero. */
  DIVISION_BY_ZERO("22012"),
  /** A value cannot be cast to the type asked for ({@code CAST('abc' AS INT)}). */
  INVALID_CAST("22018"),
  /** Evaluating an expression failed on a value (SQL's data exception). */
  DATA_EXCEPTION("22000"),
  /** A statement is too complex to compile or evaluate (an expression too large or too deep). */
  STATEMENT_TOO_COMPLEX("54001"),
  /** A scalar subquery returned more than one row. */
  CARDINALITY_VIOLATION("21000"),
  /** The statement uses SQL this driver does not implement here (a correlated subquery in DML). */
  UNSUPPORTED_SQL("0A000"),
  /** The statement was canceled, or ran past its query timeout (SQL: query canceled). */
  STATEMENT_CANCELED("57014"),
  /** The statement needs more memory than the JVM has (SQL: out of memory). */
  OUT_OF_MEMORY("53200"),
  /** The statement has more columns than can be evaluated (SQL: too many columns). */
  TOO_MANY_COLUMNS("54011"),
  /**
   * A table or schema name is not a plain name: a path, a URI, '.', '..', or a name no listing
   * would show.
   */
  INVALID_NAME("42602"),
  /**
   * A table's location lies outside the warehouse (after normalisation, or through a symbolic
   * link), or a statement would have to follow a symbolic link it may not follow.
   */
  LOCATION_NOT_PERMITTED("42501"),
  /** A table was to be created in a directory that holds files other than an empty Delta table. */
  LOCATION_NOT_EMPTY("42S01"),
  /**
   * VACUUM was asked to keep removed files for less time than the table's {@code
   * delta.deletedFileRetentionDuration}, with the retention check on.
   */
  RETENTION_TOO_SHORT("22023"),
  /**
   * RESTORE needs a data or deletion-vector file of the version it restores that is no longer there
   * (VACUUM deleted it).
   */
  RESTORE_FILE_MISSING("55000"),
  /**
   * CONVERT TO DELTA was given a folder it cannot convert: empty, a file that is not Parquet,
   * schemas that do not merge, directories that do not match the declared partition columns (SQL:
   * wrong object type).
   */
  NOT_A_PARQUET_TABLE("42809"),
  /**
   * Change data was asked for versions that did not record it ({@code delta.enableChangeDataFeed}
   * off at some version of the range); delta-spark's DELTA_MISSING_CHANGE_DATA and its SQLState.
   */
  CHANGE_DATA_NOT_RECORDED("KD002"),
  /**
   * A change data range ends before it starts; delta-spark's DELTA_INVALID_CDC_RANGE and its
   * SQLState.
   */
  INVALID_CHANGE_RANGE("22003");

  private final String sqlState;

  ErrorCode(String sqlState) {
    this.sqlState = sqlState;
  }

  /** The SQLState (SQL:2011 / X/Open class and subclass) this failure maps to. */
  public String sqlState() {
    return sqlState;
  }
}
