package io.deltajdbc.calcite.statement.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.junit.jupiter.api.Test;

/** Bound parameters and expressions as the Spark SQL the DML executor receives. */
class SparkSqlTextTest {
  private static String param(Object value) {
    return SparkSqlText.of(new SqlDynamicParam(0, SqlParserPos.ZERO), Arrays.asList(value), false);
  }

  @Test
  void literalsAreWhatSparkReads() {
    assertEquals("'it\\'s a \\\\ path'", param("it's a \\ path"), "Spark escapes with a backslash");
    assertEquals("1.0E20", param(1e20));
    assertEquals("1.0E-10", param(1e-10));
    assertEquals("1.5E0", param(1.5));
    assertEquals("'NaN'", param(Double.NaN));
    assertEquals("12.50", param(new BigDecimal("12.50")));
    assertEquals("3000000000", param(3_000_000_000L));
    assertEquals("DATE '2024-02-29'", param(LocalDate.of(2024, 2, 29)));
    assertEquals("NULL", param(null));
  }

  @Test
  void qualifiersAreDroppedForSingleTableStatements() throws Exception {
    SqlNode e =
        SqlParser.create(
                "t.amount * 2 + ?", SqlParser.config().withUnquotedCasing(Casing.UNCHANGED))
            .parseExpression();
    assertEquals("`amount` * 2 + 7", SparkSqlText.of(e, List.of(7), true));
    assertEquals("`t`.`amount` * 2 + 7", SparkSqlText.of(e, List.of(7), false));
  }
}
