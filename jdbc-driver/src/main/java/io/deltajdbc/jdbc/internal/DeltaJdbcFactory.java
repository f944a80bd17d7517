package io.deltajdbc.jdbc.internal;

import io.deltajdbc.calcite.time.NestedTimestamps;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Properties;
import java.util.TimeZone;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaSpecificDatabaseMetaData;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.UnregisteredDriver;
import org.apache.calcite.jdbc.CalciteFactory;
import org.apache.calcite.jdbc.CalciteJdbc41Factory;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;

/**
 * The driver's JDBC factory (see {@code DeltaDriver.getFactoryClassName}): Calcite's own JDBC 4.1
 * factory, through its public methods, except for four things. The root schema does not cache names
 * and has no Calcite {@code metadata} schema (its SYSTEM TABLEs are not a user's): Delta tables are
 * looked up by name at each statement (so {@code orders@v3}, case-insensitive names and tables
 * created since the connection opened resolve); Calcite's caching root would freeze the list of
 * names instead. Timestamps inside arrays, maps and structs reach the client as Avatica reads them
 * ({@link NestedTimestamps}). A prepared statement's handle carries its signature, as {@code
 * Meta.prepare} leaves it, for {@link DeltaMeta#executeBatch}. And {@code DatabaseMetaData} is
 * {@link DeltaDatabaseMetaData}.
 */
public final class DeltaJdbcFactory extends CalciteFactory {
  private final CalciteJdbc41Factory calcite = new CalciteJdbc41Factory();

  public DeltaJdbcFactory() {
    super(4, 1);
  }

  @Override
  public AvaticaConnection newConnection(
      UnregisteredDriver driver,
      AvaticaFactory factory,
      String url,
      Properties info,
      CalciteSchema rootSchema,
      JavaTypeFactory typeFactory) {
    CalciteSchema root =
        rootSchema != null ? rootSchema : CalciteSchema.createRootSchema(false, false);
    return calcite.newConnection(driver, factory, url, info, root, typeFactory);
  }

  @Override
  public AvaticaStatement newStatement(
      AvaticaConnection connection,
      Meta.StatementHandle h,
      int type,
      int concurrency,
      int holdability)
      throws SQLException {
    return calcite.newStatement(connection, h, type, concurrency, holdability);
  }

  @Override
  public AvaticaPreparedStatement newPreparedStatement(
      AvaticaConnection connection,
      Meta.StatementHandle h,
      Meta.Signature signature,
      int type,
      int concurrency,
      int holdability)
      throws SQLException {
    AvaticaPreparedStatement statement =
        calcite.newPreparedStatement(connection, h, signature, type, concurrency, holdability);
    if (statement.handle.signature == null) {
      statement.handle.signature = signature; // Calcite's connection prepares without Meta.prepare
    }
    return statement;
  }

  @Override
  public AvaticaResultSet newResultSet(
      AvaticaStatement statement,
      QueryState state,
      Meta.Signature signature,
      TimeZone timeZone,
      Meta.Frame firstFrame)
      throws SQLException {
    Meta.Signature forClient =
        signature instanceof CalcitePrepare.CalciteSignature<?> s
            ? NestedTimestamps.inMillis(s)
            : signature;
    return calcite.newResultSet(statement, state, forClient, timeZone, firstFrame);
  }

  @Override
  public AvaticaSpecificDatabaseMetaData newDatabaseMetaData(AvaticaConnection connection) {
    return new DeltaDatabaseMetaData(connection);
  }

  @Override
  public ResultSetMetaData newResultSetMetaData(
      AvaticaStatement statement, Meta.Signature signature) throws SQLException {
    return calcite.newResultSetMetaData(statement, signature);
  }
}
