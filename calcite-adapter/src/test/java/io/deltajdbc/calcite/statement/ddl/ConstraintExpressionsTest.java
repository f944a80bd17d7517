package io.deltajdbc.calcite.statement.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CHECK constraint text checked without Spark, as it enters through CREATE TABLE's properties. */
class ConstraintExpressionsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "id > 0",
        "`day` >= DATE '2024-01-01'",
        "length(name) < 10 AND coalesce(id, 0) >= 0",
        "upper(name) <> 'X' OR name IS NULL",
        "CASE WHEN id > 100 THEN name IS NOT NULL ELSE true END",
        "abs(amount) BETWEEN 0 AND 1000",
        "region IN ('north', 'south')",
        "name LIKE 'a%'",
        "CAST(id AS INT) > 0",
        "name <> 'it\\'s'",
        "name <> \"dq\"",
        "name || 'x' <> 'yx'",
        "TRIM(name) <> '' AND SUBSTRING(name, 1, 2) <> 'zz'",
        "name <> 'r'",
        "name <> 'bar'",
        "id > 0\nOR true",
        "name <> '${env:PATH}' AND name <> '-- x'"
      })
  void allowsOrdinaryConstraints(String text) {
    ConstraintExpressions.checkProperties(
        "t", Map.of("delta.constraints.c", text, "other", "java_method()"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "java_method('java.lang.System', 'exit', 7) IS NULL",
        "reflect('java.lang.System', 'getenv', 'PATH') IS NOT NULL",
        "id > (SELECT count(*) FROM text.`/etc/hostname`)",
        "EXISTS (SELECT 1)",
        "id IN (SELECT 1)",
        "db.fn(id) > 0",
        "count(id) > 0",
        "id > ?",
        "row_number() OVER (ORDER BY id) > 0",
        "name <> r'\\' OR java_method('a', 'b') IS NULL OR 'x' = '",
        "`a\\` > 0 OR java_method('a', 'b') IS NULL OR `b` > 0",
        "id > 0 -- comment",
        "id >"
      })
  void refusesWhatReachesOutsideOrCannotBeRead(String text) {
    DeltaException e =
        assertThrows(
            DeltaException.class,
            () -> ConstraintExpressions.checkProperties("t", Map.of("delta.constraints.k", text)));
    assertEquals(ErrorCode.ACCESS_RULE_VIOLATION, e.code(), e.getMessage());
    assertTrue(
        e.getMessage().contains("CHECK constraint k") && e.getMessage().contains("table t"),
        e.getMessage());
  }

  @Test
  void scansQuotesAsSparkDoes() {
    assertFalse(
        ConstraintExpressions.lexersDisagree("a = 'it\\'s' AND b = \"x\\\"y\" AND `c``d` = 1"));
    assertTrue(ConstraintExpressions.lexersDisagree("a = r'x'"));
    assertTrue(ConstraintExpressions.lexersDisagree("a = R\"x\""));
    assertFalse(ConstraintExpressions.lexersDisagree("bar = 'r'"));
    assertTrue(ConstraintExpressions.lexersDisagree("`a\\b` = 1"));
  }
}
