package io.deltajdbc.calcite.runtime;

import java.util.List;

/**
 * A prepared INSERT whose rows are its parameters ({@code INSERT INTO t VALUES (?, ?, ?)}): a batch
 * of executions is written without executing the statement once per row.
 */
public interface BatchInsert {
  /**
   * Inserts one row per parameter list (values in Avatica's local representation); returns the rows
   * inserted.
   */
  long insertAll(List<List<Object>> parameterRows);
}
