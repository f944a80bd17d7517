package org.apache.calcite.jdbc;

import io.deltajdbc.calcite.time.NestedTimestamps;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaSpecificDatabaseMetaData;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.UnregisteredDriver;

/**
 * Calcite's JDBC factory with a root schema that does not cache names and has no Calcite
 * {@code metadata} schema (its SYSTEM TABLEs are not a user's). Delta tables are looked up
 * by name at each statement (so {@code orders@v3}, case-insensitive names and tables created since
 * the connection opened resolve); Calcite's caching root would freeze the list of names instead.
 * It lives in Calcite's package because the connection constructor it needs is protected there;
 * everything else is Calcite's own JDBC 4.1 factory.
 */
public class DeltaJdbcFactory extends CalciteFactory {
  private final CalciteJdbc41Factory calcite = new CalciteJdbc41Factory();

  public DeltaJdbcFactory() {
    super(4, 1);
  }

  @Override
  public AvaticaConnection newConnection(UnregisteredDriver driver, AvaticaFactory factory, String url,
      Properties info, CalciteSchema rootSchema, JavaTypeFactory typeFactory) {
    return new DeltaConnection((Driver) driver, factory, url, info,
        rootSchema != null ? rootSchema : CalciteSchema.createRootSchema(false, false), typeFactory);
  }

  @Override
  public AvaticaStatement newStatement(AvaticaConnection connection, Meta.StatementHandle h, int type,
      int concurrency, int holdability) throws SQLException {
    return calcite.newStatement(connection, h, type, concurrency, holdability);
  }

  @Override
  public AvaticaPreparedStatement newPreparedStatement(AvaticaConnection connection, Meta.StatementHandle h,
      Meta.Signature signature, int type, int concurrency, int holdability) throws SQLException {
    return calcite.newPreparedStatement(connection, h, signature, type, concurrency, holdability);
  }

  @Override
  public AvaticaResultSet newResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature,
      TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
    // what the client reads: timestamps inside arrays, maps and structs as Avatica reads them
    Meta.Signature forClient = signature instanceof CalcitePrepare.CalciteSignature<?> s
        ? NestedTimestamps.inMillis(s) : signature;
    return calcite.newResultSet(statement, state, forClient, timeZone, firstFrame);
  }

  @Override
  public AvaticaSpecificDatabaseMetaData newDatabaseMetaData(AvaticaConnection connection) {
    return calcite.newDatabaseMetaData(connection);
  }

  @Override
  public ResultSetMetaData newResultSetMetaData(AvaticaStatement statement, Meta.Signature signature)
      throws SQLException {
    return calcite.newResultSetMetaData(statement, signature);
  }

  /**
   * The flag the statement's generated code and scans read as {@code DataContext.Variable.CANCEL_FLAG}.
   * Avatica's {@code Statement.cancel()} sets a flag of its own that only its result set reads, and
   * waits for the statement's lock, which a statement being prepared holds.
   */
  public static AtomicBoolean cancelFlag(AvaticaStatement statement) throws NoSuchStatementException {
    return ((CalciteConnectionImpl) statement.connection).getCancelFlag(statement.handle);
  }

  /** A Calcite connection; nothing but the root schema differs. */
  static final class DeltaConnection extends CalciteConnectionImpl {
    DeltaConnection(Driver driver, AvaticaFactory factory, String url, Properties info, CalciteSchema rootSchema,
        JavaTypeFactory typeFactory) {
      super(driver, factory, url, info, rootSchema, typeFactory);
    }
  }
}
