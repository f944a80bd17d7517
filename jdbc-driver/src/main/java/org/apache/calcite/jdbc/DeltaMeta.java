package org.apache.calcite.jdbc;

import io.deltajdbc.calcite.DeltaWarehouseSchema;
import io.deltajdbc.calcite.write.BatchInsert;
import io.deltajdbc.calcite.write.DeltaWrites;
import io.deltajdbc.jdbc.internal.DeltaFunctions;
import io.deltajdbc.jdbc.internal.DeltaMetaTables;
import io.deltajdbc.jdbc.internal.DeltaTypeInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.schema.lookup.LikePattern;

/**
 * Calcite's metadata and execution, with batches that commit once: the executions of a
 * {@code PreparedStatement.executeBatch} (or {@code Statement.executeBatch}) collect their INSERT
 * rows and commit them together when the batch ends, so a batch of a million rows is one Delta
 * version, not a million. Catalog listings ({@code getTables}, {@code getColumns}) read the
 * matching tables' logs ahead, in parallel, instead of one after the other as Calcite enumerates
 * them. The catalog lists only what a user has: tables (no Calcite {@code metadata} schema, no
 * SYSTEM TABLE type), no catalogs, the SQL types of Delta columns, callable built-in functions;
 * columns have bare type names (see {@code ColumnType}). It lives in Calcite's package for the
 * constructor it needs.
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
  public MetaResultSet getTables(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern,
      List<String> typeList) {
    preload(schemaPattern, tableNamePattern);
    return super.getTables(ch, catalog, schemaPattern, tableNamePattern, typeList);
  }

  @Override
  public MetaResultSet getColumns(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern,
      Pat columnNamePattern) {
    preload(schemaPattern, tableNamePattern);
    return super.getColumns(ch, catalog, schemaPattern, tableNamePattern, columnNamePattern);
  }

  @Override
  public Enumerable<MetaImpl.MetaColumn> columns(MetaImpl.MetaTable table) {
    return DeltaMetaTables.columns(table, getConnection().typeFactory);
  }

  @Override
  public MetaResultSet getTableTypes(ConnectionHandle ch) {
    return withRows(super.getTableTypes(ch), List.of(new MetaImpl.MetaTableType("TABLE")));
  }

  @Override
  public MetaResultSet getCatalogs(ConnectionHandle ch) {
    return withRows(super.getCatalogs(ch), List.of());
  }

  @Override
  public MetaResultSet getTypeInfo(ConnectionHandle ch) {
    return withRows(super.getTypeInfo(ch), DeltaTypeInfo.rows(getConnection().typeFactory.getTypeSystem()));
  }

  @Override
  public MetaResultSet getFunctions(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat functionNamePattern) {
    MetaResultSet own = super.getFunctions(ch, catalog, schemaPattern, functionNamePattern);
    if (schemaPattern.s != null && !schemaPattern.s.equals("%")) {
      return own; // built-in functions are in no schema
    }
    List<Object> rows = new ArrayList<>();
    own.firstFrame.rows.forEach(rows::add);
    SqlOperatorTable table = getConnection().config().fun(SqlOperatorTable.class, SqlStdOperatorTable.instance());
    rows.addAll(DeltaFunctions.builtIn(table, matcher(functionNamePattern)));
    return withRows(own, rows);
  }

  /** A result set of {@code listing}'s columns with other rows (of the same class). */
  private MetaResultSet withRows(MetaResultSet listing, List<?> rows) {
    @SuppressWarnings("unchecked")
    Iterable<Object> iterable = (Iterable<Object>) rows;
    return createResultSet(Map.of(), listing.signature.columns, listing.signature.cursorFactory,
        new Frame(0, true, iterable));
  }

  private void preload(Pat schemaPattern, Pat tableNamePattern) {
    if (tableNamePattern.s != null && tableNamePattern.s.indexOf('%') < 0 && tableNamePattern.s.indexOf('_') < 0) {
      return; // one table: nothing to overlap, and no listing of the warehouse to pay for
    }
    var schemaMatcher = LikePattern.matcher(schemaPattern.s);
    LikePattern tables = tableNamePattern.s == null ? LikePattern.any() : new LikePattern(tableNamePattern.s);
    for (CalciteSchema s : getConnection().rootSchema.getSubSchemaMap().values()) {
      if (s.schema instanceof DeltaWarehouseSchema w && schemaMatcher.apply(s.name)) {
        w.preloadInfos(tables);
      }
    }
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
