package io.deltajdbc.calcite;

import io.deltajdbc.calcite.sql.parser.DeltaSqlParserImpl;
import java.util.Properties;

/**
 * The Calcite connection properties that give a connection Delta SQL's semantics, as Spark SQL has
 * them: names matched ignoring case and kept as written, double-quoted identifiers, the lenient
 * conformance, UTC, Spark's decimal and numeric types ({@link DeltaTypeSystem}), the Delta grammar
 * and Spark's function library. The driver starts from these; so does a plain Calcite connection
 * over {@link DeltaSchemaFactory}.
 */
public final class DeltaConnectionProperties {
  /**
   * The connection's function libraries (Calcite's {@code fun}): the SQL standard's and Spark's.
   * This is the one place that chooses them; a connection's own {@code fun} property replaces it.
   */
  public static final String FUNCTION_LIBRARIES = "spark";

  private DeltaConnectionProperties() {}

  /** A new set of the properties. */
  public static Properties defaults() {
    Properties p = new Properties();
    p.setProperty("caseSensitive", "false");
    p.setProperty("unquotedCasing", "UNCHANGED");
    p.setProperty("quotedCasing", "UNCHANGED");
    p.setProperty("quoting", "DOUBLE_QUOTE");
    p.setProperty("conformance", "LENIENT");
    p.setProperty("timeZone", "UTC");
    p.setProperty("typeSystem", DeltaTypeSystem.class.getName() + "#INSTANCE");
    p.setProperty("parserFactory", DeltaSqlParserImpl.class.getName() + "#FACTORY");
    p.setProperty("fun", FUNCTION_LIBRARIES);
    return p;
  }
}
