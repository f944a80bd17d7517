package io.deltajdbc.engine.txn;

/**
 * The operations this engine commits, with the names Delta Lake records for them in {@code
 * commitInfo.operation} (delta-spark's {@code DeltaOperations}), which DESCRIBE HISTORY shows.
 */
public enum OperationName {
  WRITE("WRITE"),
  CREATE_TABLE("CREATE TABLE"),
  CREATE_TABLE_AS_SELECT("CREATE TABLE AS SELECT"),
  CREATE_OR_REPLACE_TABLE("CREATE OR REPLACE TABLE"),
  CREATE_OR_REPLACE_TABLE_AS_SELECT("CREATE OR REPLACE TABLE AS SELECT"),
  CLONE("CLONE"),
  DELETE("DELETE"),
  UPDATE("UPDATE"),
  MERGE("MERGE"),
  TRUNCATE("TRUNCATE"),
  ADD_COLUMNS("ADD COLUMNS"),
  SET_TBLPROPERTIES("SET TBLPROPERTIES"),
  UNSET_TBLPROPERTIES("UNSET TBLPROPERTIES"),
  ADD_CONSTRAINT("ADD CONSTRAINT"),
  DROP_CONSTRAINT("DROP CONSTRAINT"),
  VACUUM_START("VACUUM START"),
  VACUUM_END("VACUUM END"),
  RESTORE("RESTORE"),
  CONVERT("CONVERT"),
  OPTIMIZE("OPTIMIZE");

  private final String recorded;

  OperationName(String recorded) {
    this.recorded = recorded;
  }

  /** The name as the log records it. */
  public String recorded() {
    return recorded;
  }
}
