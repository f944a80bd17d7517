package org.apache.calcite.jdbc;

import io.deltajdbc.calcite.write.BatchInsert;
import io.deltajdbc.calcite.write.DeltaWrites;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * Calcite's metadata and execution, with batches that commit once: the executions of a
 * {@code PreparedStatement.executeBatch} (or {@code Statement.executeBatch}) collect their INSERT
 * rows and commit them together when the batch ends, so a batch of a million rows is one Delta
 * version, not a million. It lives in Calcite's package for the constructor it needs.
 */
public final class DeltaMeta extends CalciteMetaImpl {
  private DeltaMeta(CalciteConnectionImpl connection, CalciteMetaTableFactory tables, CalciteMetaColumnFactory columns) {
    super(connection, tables, columns);
  }

  public static DeltaMeta create(CalciteConnection connection, CalciteMetaTableFactory tables,
      CalciteMetaColumnFactory columns) {
    return new DeltaMeta((CalciteConnectionImpl) connection, tables, columns);
  }

  @Override
  public ExecuteBatchResult executeBatch(StatementHandle h, List<List<TypedValue>> parameterValueLists)
      throws NoSuchStatementException {
    Signature signature = getConnection().server.getStatement(h).getSignature();
    if (signature instanceof BatchInsert insert) {
      // INSERT ... VALUES (?, ...): the parameter lists are the rows; no execution per row.
      List<List<Object>> rows = new ArrayList<>(parameterValueLists.size());
      for (List<TypedValue> values : parameterValueLists) {
        List<Object> row = new ArrayList<>(values.size());
        values.forEach(v -> row.add(v.toLocal()));
        rows.add(row);
      }
      inBatch(() -> {
        insert.insertAll(rows);
        return null;
      });
      long[] counts = new long[rows.size()];
      Arrays.fill(counts, 1L);
      return new ExecuteBatchResult(counts);
    }
    return inBatch(() -> super.executeBatch(h, parameterValueLists));
  }

  @Override
  public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands)
      throws NoSuchStatementException {
    return inBatch(() -> super.prepareAndExecuteBatch(h, sqlCommands));
  }

  private interface BatchBody {
    ExecuteBatchResult run() throws NoSuchStatementException;
  }

  private static ExecuteBatchResult inBatch(BatchBody body) throws NoSuchStatementException {
    try {
      return DeltaWrites.batch(body::run);
    } catch (NoSuchStatementException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
