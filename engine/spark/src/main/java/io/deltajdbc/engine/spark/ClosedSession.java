package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.dml.SparkSqlAllowList;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.FunctionIdentifier;

/**
 * The session DML runs on: a child ({@link SparkSession#newSession}) of the JVM's session, with its
 * own SQL settings and its own function registry, so that neither the application's runtime
 * settings and UDFs reach our statements nor ours reach the application. The child is closed to
 * what a text could use to leave the table: no SQL on file paths ({@code text.`/etc/hostname`}), no
 * variable substitution ({@code ${env:PATH}}), and no {@code reflect}/{@code java_method}/ {@code
 * xpath*} in its registry at all (the guard refuses them too; this holds even for a text the guard
 * did not see). UTC and Java 8 time types, which the engine's value conversion expects.
 */
final class ClosedSession {
  /**
   * Runtime SQL settings forced on the DML session, whatever the parent or the JVM's properties
   * say.
   */
  static final Map<String, String> SETTINGS =
      Map.of(
          "spark.sql.runSQLOnFiles", "false",
          "spark.sql.variable.substitute", "false",
          // "..." stays a string with backslash escapes, as the guard's scan of quotes expects
          "spark.sql.ansi.doubleQuotedIdentifiers", "false",
          "spark.sql.session.timeZone", "UTC",
          "spark.sql.datetime.java8API.enabled", "true");

  private ClosedSession() {}

  static SparkSession of(SparkSession parent) {
    SparkSession child = parent.newSession();
    SETTINGS.forEach((k, v) -> child.conf().set(k, v));
    for (String name : SparkSqlAllowList.sessionRemovedFunctions()) {
      child.sessionState().functionRegistry().dropFunction(FunctionIdentifier.apply(name));
    }
    return child;
  }
}
