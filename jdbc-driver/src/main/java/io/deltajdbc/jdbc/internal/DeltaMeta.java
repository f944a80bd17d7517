package io.deltajdbc.jdbc.internal;

import io.deltajdbc.calcite.DeltaWarehouseSchema;
import io.deltajdbc.calcite.runtime.BatchInsert;
import io.deltajdbc.calcite.runtime.DeltaWrites;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteMetaImpl;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.function.Predicate1;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Calcite's metadata and execution ({@code CalciteMetaImpl}, to which every other call goes), with
 * batches that commit once: the executions of a {@code PreparedStatement.executeBatch} (or {@code
 * Statement.executeBatch}) collect their INSERT rows and commit them together when the batch ends,
 * so a batch of a million rows is one Delta version, not a million. Catalog listings ({@code
 * getTables}, {@code getColumns}) read the matching tables' logs ahead, in parallel, instead of one
 * after the other as they are enumerated. The catalog lists only what a user has: tables (no
 * Calcite {@code metadata} schema, no SYSTEM TABLE type), no catalogs, the SQL types of Delta
 * columns, callable built-in functions; columns have bare type names (see {@code ColumnType}).
 */
public final class DeltaMeta extends DelegatingMeta {
  private final AvaticaConnection connection;
  private final CalciteConnection calcite;

  private DeltaMeta(AvaticaConnection connection, CalciteConnection calcite) {
    super(
        CalciteMetaImpl.create(
            calcite, DeltaMetaTableFactory.INSTANCE, DeltaMetaColumnFactory.INSTANCE));
    this.connection = connection;
    this.calcite = calcite;
  }

  /** The meta of {@code connection}, a Calcite connection that is being opened. */
  public static DeltaMeta create(AvaticaConnection connection) {
    return new DeltaMeta(connection, (CalciteConnection) connection);
  }

  @Override
  public MetaResultSet getTables(
      ConnectionHandle ch,
      String catalog,
      Pat schemaPattern,
      Pat tableNamePattern,
      List<String> typeList) {
    preload(schemaPattern, tableNamePattern);
    return delegate.getTables(ch, catalog, schemaPattern, tableNamePattern, typeList);
  }

  @Override
  public MetaResultSet getColumns(
      ConnectionHandle ch,
      String catalog,
      Pat schemaPattern,
      Pat tableNamePattern,
      Pat columnNamePattern) {
    preload(schemaPattern, tableNamePattern);
    Predicate1<String> columnMatcher = LikePattern.matcher(columnNamePattern.s);
    Enumerable<MetaImpl.MetaColumn> columns =
        DeltaMetaTables.tables(root(), catalog, schemaPattern, tableNamePattern)
            .selectMany(table -> DeltaMetaTables.columns(table, calcite.getTypeFactory()))
            .where(column -> columnMatcher.apply(column.getName()));
    return MetaResults.of(
        connection,
        columns,
        DeltaMetaColumnFactory.INSTANCE.getMetaColumnClass(),
        DeltaMetaColumnFactory.INSTANCE.getColumnNames());
  }

  @Override
  public MetaResultSet getTableTypes(ConnectionHandle ch) {
    return withRows(delegate.getTableTypes(ch), List.of(new MetaImpl.MetaTableType("TABLE")));
  }

  @Override
  public MetaResultSet getCatalogs(ConnectionHandle ch) {
    return withRows(delegate.getCatalogs(ch), List.of());
  }

  @Override
  public MetaResultSet getTypeInfo(ConnectionHandle ch) {
    return withRows(
        delegate.getTypeInfo(ch), DeltaTypeInfo.rows(calcite.getTypeFactory().getTypeSystem()));
  }

  @Override
  public MetaResultSet getFunctions(
      ConnectionHandle ch, String catalog, Pat schemaPattern, Pat functionNamePattern) {
    MetaResultSet own = delegate.getFunctions(ch, catalog, schemaPattern, functionNamePattern);
    if (schemaPattern.s != null && !schemaPattern.s.equals("%")) {
      return own; // built-in functions are in no schema
    }
    List<Object> rows = new ArrayList<>();
    own.firstFrame.rows.forEach(rows::add);
    SqlOperatorTable table =
        calcite.config().fun(SqlOperatorTable.class, SqlStdOperatorTable.instance());
    rows.addAll(DeltaFunctions.builtIn(table, LikePattern.matcher(functionNamePattern.s)));
    return withRows(own, rows);
  }

  /** A result set of {@code listing}'s columns with other rows (of the same class). */
  private MetaResultSet withRows(MetaResultSet listing, List<?> rows) {
    @SuppressWarnings("unchecked")
    Iterable<Object> iterable = (Iterable<Object>) rows;
    return MetaResults.of(
        connection,
        listing.signature.columns,
        listing.signature.cursorFactory,
        new Frame(0, true, iterable));
  }

  private CalciteSchema root() {
    return CalciteSchema.from(calcite.getRootSchema());
  }

  private void preload(Pat schemaPattern, Pat tableNamePattern) {
    if (tableNamePattern.s != null
        && tableNamePattern.s.indexOf('%') < 0
        && tableNamePattern.s.indexOf('_') < 0) {
      return; // one table: nothing to overlap, and no listing of the warehouse to pay for
    }
    var schemaMatcher = LikePattern.matcher(schemaPattern.s);
    LikePattern tables =
        tableNamePattern.s == null ? LikePattern.any() : new LikePattern(tableNamePattern.s);
    for (CalciteSchema s : root().getSubSchemaMap().values()) {
      if (s.schema instanceof DeltaWarehouseSchema w && schemaMatcher.apply(s.name)) {
        w.preloadInfos(tables);
      }
    }
  }

  /**
   * Runs a prepared statement's batch; an {@code INSERT ... VALUES (?, ...)} (its signature, which
   * {@link DeltaJdbcFactory} leaves in the statement's handle, is a {@link BatchInsert}) takes the
   * parameter lists as its rows, with no execution per row.
   */
  @Override
  public ExecuteBatchResult executeBatch(
      StatementHandle h, List<List<TypedValue>> parameterValueLists)
      throws NoSuchStatementException {
    if (h.signature instanceof BatchInsert insert) {
      List<List<Object>> rows = new ArrayList<>(parameterValueLists.size());
      for (List<TypedValue> values : parameterValueLists) {
        List<Object> row = new ArrayList<>(values.size());
        values.forEach(v -> row.add(v.toLocal()));
        rows.add(row);
      }
      inBatch(
          () -> {
            insert.insertAll(rows);
            return null;
          });
      long[] counts = new long[rows.size()];
      Arrays.fill(counts, 1L);
      return new ExecuteBatchResult(counts);
    }
    return inBatch(() -> delegate.executeBatch(h, parameterValueLists));
  }

  @Override
  public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands)
      throws NoSuchStatementException {
    return inBatch(() -> delegate.prepareAndExecuteBatch(h, sqlCommands));
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
