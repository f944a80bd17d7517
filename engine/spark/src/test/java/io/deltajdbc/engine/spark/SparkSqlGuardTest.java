package io.deltajdbc.engine.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.ErrorCode;
import io.deltajdbc.engine.testing.SparkOracle;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The guard's allow-list on the closed DML session, and what that session no longer has. */
class SparkSqlGuardTest {
  private static SparkSession closed;
  private static SparkSqlGuard guard;

  @BeforeAll
  static void session() {
    SparkOracle.spark();
    closed = SharedSparkSession.get(Map.of());
    guard = new SparkSqlGuard(closed, Set.of("__deltajdbc_fn_1"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a = 1 AND b <> 'x' OR NOT c >= 2.5",
        "t.id = s.id AND t.`day` <=> s.`day`",
        "upper(name) || lower(`Name`)",
        "coalesce(a, b, 0) + abs(c) % 3 DIV 2",
        "a IN (1, 2, 3) AND b NOT IN ('x')",
        "name LIKE 'x%' OR name RLIKE '^a' OR name ILIKE 'b'",
        "a BETWEEN 1 AND 2",
        "CASE WHEN a > 1 THEN 'x' WHEN a IS NULL THEN 'y' ELSE 'z' END",
        "CASE a WHEN 1 THEN 'one' END",
        "CAST(a AS INT) + try_cast(b AS BIGINT)",
        "a IS NOT NULL AND b IS TRUE AND c IS DISTINCT FROM d",
        "date_add(day, 3) > DATE '2024-01-01' AND ts < TIMESTAMP '2024-01-01 00:00:00' + INTERVAL 1 DAY",
        "current_date + INTERVAL 1 DAY",
        "EXTRACT(YEAR FROM day) = 2024",
        "SUBSTRING(s FROM 1 FOR 2) = 'ab'",
        "TRIM(BOTH 'x' FROM s) = ''",
        "POSITION('a' IN s) > 0",
        "transform(tags, x -> x + 1)",
        "tags[0] = 1",
        "attrs['k'] = 1",
        "info.a = 1",
        "named_struct('a', 1, 'b', 'x')",
        "map('z', 1)",
        "array(7, id)",
        "'it\\'s' = \"dq\"",
        "-a + +b",
        "__deltajdbc_fn_1(a, b)"
      })
  void allowsOrdinaryExpressions(String text) {
    guard.check("/t", "test expression", text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "java_method('java.lang.System','exit',7)",
        "reflect('java.lang.System','getenv','PATH')",
        "concat('', java_method('org.apache.spark.util.Utils','createDirectory','/tmp/x'))",
        "concat('', (SELECT max(value) FROM text.`/etc/hostname`))",
        "a IN (SELECT 1)",
        "EXISTS (SELECT 1)",
        "xpath_string('<a/>', 'a')",
        "input_file_name()",
        "current_user()",
        "system.builtin.upper(s)",
        "default.myfn(s)",
        "IDENTIFIER('java_method')('a', 'b')",
        "count(DISTINCT a)",
        "sum(a) FILTER (WHERE a > 1)",
        "row_number() OVER (ORDER BY a)",
        "*",
        "t.*",
        "a AS b",
        "a = ?",
        "transform(tags, x -> reflect('a', 'b'))",
        "__deltajdbc_fn_2(a)"
      })
  void refusesWhatReachesOutside(String text) {
    DeltaException e =
        assertThrows(DeltaException.class, () -> guard.check("/t", "test expression", text));
    assertEquals(ErrorCode.ACCESS_RULE_VIOLATION, e.code(), e.getMessage());
    assertEquals("42000", e.sqlState());
    assertTrue(e.getMessage().contains("/t") && e.getMessage().contains(text), e.getMessage());
  }

  @Test
  void namesTheRefusedFunction() {
    DeltaException e =
        assertThrows(
            DeltaException.class,
            () ->
                guard.check("/t", "UPDATE value for column s", "concat(s, java_method('a', 'b'))"));
    assertTrue(
        e.getMessage().contains("it calls java_method, which is not an allowed function"),
        e.getMessage());
    assertTrue(e.getMessage().contains("UPDATE value for column s"), e.getMessage());
  }

  @Test
  void refusesCommentsAndOpenQuotes() {
    assertRefused("a = 1 --", "comment");
    assertRefused("a /* x */ = 1", "comment");
    assertRefused("a = 'x", "open");
    assertRefused("`a = 1", "open");
    assertRefused(
        "a = r'\\' --'", "comment"); // a raw string ends at the second quote, as Spark reads it
    // Inside a string or a backtick name, they are text, and lines are only white space.
    guard.check(
        "/t", "test expression", "a = 'x -- /* y' AND `b--c` = 'it\\'s -- ok' AND\n c = \"--\"");
    guard.check("/t", "test expression", "name = '${env:PATH}'"); // not substituted, see below
  }

  @Test
  void aTextThatDoesNotParseIsTheCallersError() {
    DeltaException e =
        assertThrows(DeltaException.class, () -> guard.check("/t", "condition", "a = = 1"));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
  }

  @Test
  void theClosedSessionHasNoReflectionNoFileTablesAndNoSubstitution() {
    for (String f : new String[] {"reflect", "java_method", "xpath"}) {
      assertFalse(
          closed.sessionState().functionRegistry().functionExists(FunctionIdentifier.apply(f)), f);
    }
    assertEquals("false", closed.conf().get("spark.sql.runSQLOnFiles"));
    assertEquals("false", closed.conf().get("spark.sql.variable.substitute"));
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                closed
                    .sql("SELECT java_method('java.lang.System', 'getProperty', 'user.dir')")
                    .collectAsList());
    assertTrue(e.getMessage().contains("java_method"), e.getMessage());
    assertThrows(
        Exception.class, () -> closed.sql("SELECT * FROM text.`/etc/hostname`").collectAsList());
    assertEquals(
        "${env:PATH}", closed.sql("SELECT '${env:PATH}'").collectAsList().get(0).getString(0));
    // The application's own session is left as it was.
    assertTrue(
        SparkOracle.spark()
            .sessionState()
            .functionRegistry()
            .functionExists(FunctionIdentifier.apply("java_method")));
  }

  private static void assertRefused(String text, String why) {
    DeltaException e =
        assertThrows(DeltaException.class, () -> guard.check("/t", "test expression", text));
    assertEquals(ErrorCode.ACCESS_RULE_VIOLATION, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }
}
