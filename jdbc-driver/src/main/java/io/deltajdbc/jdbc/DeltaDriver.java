package io.deltajdbc.jdbc;

import io.deltajdbc.calcite.DeltaConnectionProperties;
import io.deltajdbc.calcite.DeltaSchemaFactory;
import io.deltajdbc.calcite.DeltaWarehouseSchema;
import io.deltajdbc.calcite.sql.DeltaPrepare;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.storage.Locations;
import io.deltajdbc.jdbc.internal.DeltaJdbcFactory;
import io.deltajdbc.jdbc.internal.DeltaMeta;
import io.deltajdbc.jdbc.internal.DeltaUrl;
import io.deltajdbc.jdbc.internal.DriverProperties;
import io.deltajdbc.jdbc.internal.DriverRegistrations;
import io.deltajdbc.jdbc.internal.JdbcErrors;
import io.deltajdbc.jdbc.internal.JdbcProxies;
import io.deltajdbc.jdbc.internal.remote.RemoteConnector;
import io.deltajdbc.jdbc.internal.remote.RemoteUrl;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The JDBC driver for Delta tables: {@code jdbc:delta:<warehouse path or URI>[;key=value]*}. Tables
 * directly in the warehouse are in schema {@code default} (the connection's schema); folders of
 * tables are schemas. Properties {@code fs.*}, {@code hadoop.*} and {@code deltajdbc.*} configure
 * storage; {@code spark.*} configure the Spark session that runs UPDATE, DELETE and MERGE ({@code
 * spark.master}, default {@code local[*]}); Calcite's connection properties pass through. {@code
 * jdbc:delta://host[:port][/catalog]} is the thin client of a delta-server (tools): the server runs
 * the statements ({@link io.deltajdbc.jdbc.internal.remote.RemoteUrl} lists its properties).
 */
public final class DeltaDriver extends Driver {
  public static final String VERSION = version();
  static final String DEFAULT_SCHEMA = "default";

  static {
    new DeltaDriver().register();
    DriverRegistrations.withdrawRelocatedCalcite();
  }

  public DeltaDriver() {
    super(DeltaPrepare::new);
  }

  @Override
  protected String getConnectStringPrefix() {
    return DeltaUrl.PREFIX;
  }

  @Override
  protected DriverVersion createDriverVersion() {
    return new DriverVersion(
        "delta-jdbc",
        VERSION,
        "Delta Lake",
        "reader 3 / writer 7 (delta-jdbc " + VERSION + ")",
        true,
        0,
        1,
        3,
        7);
  }

  @Override
  protected AvaticaFactory createFactory() {
    return new DeltaJdbcFactory();
  }

  @Override
  public Meta createMeta(AvaticaConnection connection) {
    return DeltaMeta.create(connection);
  }

  @Override
  public boolean acceptsURL(String url) {
    return DeltaUrl.accepts(url);
  }

  /**
   * The driver's own properties (see {@link DriverProperties}), not Calcite's and Avatica's
   * internals.
   */
  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    try {
      return DriverProperties.of(DeltaUrl.parse(acceptsURL(url) ? url : DeltaUrl.PREFIX, info));
    } catch (IllegalArgumentException e) {
      throw JdbcErrors.connectFailed(url, e.getMessage(), e);
    }
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    DeltaUrl parsed;
    try {
      parsed = DeltaUrl.parse(url, info);
    } catch (IllegalArgumentException e) {
      throw JdbcErrors.connectFailed(url, e.getMessage(), e);
    }
    if (RemoteUrl.isRemote(parsed)) {
      return RemoteConnector.connect(parsed);
    }
    if (parsed.location().isEmpty()) {
      throw JdbcErrors.connectFailed(
          url, "no warehouse location; use jdbc:delta:/path/to/warehouse", null);
    }
    Properties calcite = calciteProperties(parsed.properties());
    Connection raw = open(url, calcite);
    try {
      CalciteConnection cc = raw.unwrap(CalciteConnection.class);
      Configuration conf = hadoopConfiguration(parsed.properties());
      Path root = qualify(parsed.location(), conf, url);
      SchemaPlus rootSchema = cc.getRootSchema();
      DeltaSchemaFactory.register(rootSchema, DEFAULT_SCHEMA, new DeltaWarehouseSchema(root, conf));
      cc.setSchema(DEFAULT_SCHEMA);
      return JdbcProxies.connection(raw);
    } catch (SQLException | RuntimeException e) {
      raw.close();
      throw e instanceof SQLException s ? s : JdbcErrors.translate(e);
    }
  }

  /**
   * Calcite's connection, opened as {@code UnregisteredDriver.connect} opens it but with the URL as
   * the client gave it ({@code DatabaseMetaData.getURL}): its suffix is a warehouse and our
   * properties ({@link DeltaUrl}), not the {@code key=value} list Calcite's driver would parse.
   */
  private Connection open(String url, Properties calcite) throws SQLException {
    AvaticaConnection connection = factory.newConnection(this, factory, url, calcite);
    handler.onConnectionInit(connection);
    return connection;
  }

  private static Properties calciteProperties(Properties given) {
    Properties p = DeltaConnectionProperties.defaults();
    given.forEach(
        (k, v) -> {
          String key = k.toString();
          if (!key.startsWith("fs.")
              && !key.startsWith("hadoop.")
              && !key.startsWith("deltajdbc.")
              && !key.startsWith("spark.")
              && !key.equals("warehouse")) {
            p.setProperty(key, v.toString());
          }
        });
    return p;
  }

  private static Configuration hadoopConfiguration(Properties given) {
    Configuration conf = DeltaTable.defaultConfiguration();
    given.forEach(
        (k, v) -> {
          String key = k.toString();
          if (key.startsWith("fs.")
              || key.startsWith("hadoop.")
              || key.startsWith("deltajdbc.")
              || key.startsWith("spark.")) {
            conf.set(key, v.toString());
          }
        });
    return conf;
  }

  private static Path qualify(String location, Configuration conf, String url) throws SQLException {
    try {
      Path q = Locations.qualify(location, conf);
      FileSystem fs = q.getFileSystem(conf);
      if (!fs.exists(q)) {
        throw JdbcErrors.connectFailed(url, "the warehouse " + q + " does not exist", null);
      }
      if (!fs.getFileStatus(q).isDirectory()) {
        throw JdbcErrors.connectFailed(url, q + " is not a directory", null);
      }
      return q;
    } catch (IOException | IllegalArgumentException e) {
      throw JdbcErrors.connectFailed(url, e.getMessage(), e);
    }
  }

  private static String version() {
    String v = DeltaDriver.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0" : v;
  }
}
