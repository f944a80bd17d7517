package io.deltajdbc.calcite;

import io.deltajdbc.calcite.sql.DeltaPrepare;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.jdbc.Driver;

/**
 * Plain Calcite connections over a warehouse, as a Calcite user makes one: a {@code model=inline:}
 * with {@link DeltaSchemaFactory}, the properties of {@link DeltaConnectionProperties}, and Delta
 * SQL's preparation ({@link DeltaPrepare}) in Calcite's own driver. No class of the JDBC driver
 * module is involved.
 */
public final class AdapterConnections {
  private AdapterConnections() {}

  /** A connection whose default schema {@code default} is the warehouse {@code dir}. */
  public static Connection open(Path dir) throws SQLException {
    String model =
        "{\"version\": \"1.0\", \"defaultSchema\": \"default\", \"schemas\": [{\"type\": \"custom\","
            + " \"name\": \"default\", \"cache\": false, \"factory\": \""
            + DeltaSchemaFactory.class.getName()
            + "\", \"operand\": {\"warehouse\": \""
            + dir.toString().replace("\\", "\\\\")
            + "\"}}]}";
    Properties properties = DeltaConnectionProperties.defaults();
    properties.setProperty("model", "inline:" + model);
    return new Driver().withPrepareFactory(DeltaPrepare::new).connect("jdbc:calcite:", properties);
  }
}
