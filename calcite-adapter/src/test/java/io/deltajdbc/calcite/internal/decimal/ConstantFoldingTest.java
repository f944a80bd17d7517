package io.deltajdbc.calcite.internal.decimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deltajdbc.calcite.AdapterConnections;
import io.deltajdbc.calcite.DeltaTypeSystem;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContexts;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Constant folding (Calcite's {@code RexExecutorImpl}, which {@code ReduceExpressionsRule} runs) of
 * decimal arithmetic made by the driver's expression factory gives the value and type a query
 * computes row by row: the folded call is compiled with the same implementor.
 */
class ConstantFoldingTest {
  @TempDir Path dir;

  @Test
  void foldedValuesAreTheQuerysValues() throws SQLException {
    JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl(DeltaTypeSystem.INSTANCE);
    RexBuilder rexBuilder = new DecimalRexBuilder(typeFactory);
    String[][] operands = {
      {"2.00", "3.00"},
      {"1234567.891", "0.007"},
      {"-99999.99999", "3.14159265358979"},
      {"1.5", "0.00"},
      {"99999999999999999999999999999999999.999", "99999.5"}
    };
    SqlOperator[] ops = {
      SqlStdOperatorTable.PLUS,
      SqlStdOperatorTable.MINUS,
      SqlStdOperatorTable.MULTIPLY,
      SqlStdOperatorTable.DIVIDE,
      SqlStdOperatorTable.MOD
    };
    String[] symbols = {"+", "-", "*", "/", "%"};
    List<RexNode> calls = new ArrayList<>();
    List<String> expressions = new ArrayList<>();
    for (String[] pair : operands) {
      for (int i = 0; i < ops.length; i++) {
        calls.add(
            rexBuilder.makeCall(
                ops[i], literal(rexBuilder, pair[0]), literal(rexBuilder, pair[1])));
        expressions.add(
            "CAST("
                + pair[0]
                + " AS DECIMAL("
                + digits(pair[0])
                + ")) "
                + symbols[i]
                + " CAST("
                + pair[1]
                + " AS DECIMAL("
                + digits(pair[1])
                + "))");
      }
    }
    List<RexNode> folded = new ArrayList<>();
    new RexExecutorImpl(DataContexts.EMPTY).reduce(rexBuilder, calls, folded);
    try (Connection conn = AdapterConnections.open(dir);
        Statement s = conn.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT " + String.join(", ", expressions) + " FROM (VALUES (1))")) {
      rs.next();
      for (int i = 0; i < calls.size(); i++) {
        // a literal, or (for the nullable type) a CAST of a literal
        RexNode f = folded.get(i);
        RexLiteral literal =
            (RexLiteral)
                (f instanceof RexCall c && c.getKind() == SqlKind.CAST
                    ? c.getOperands().get(0)
                    : f);
        BigDecimal value = literal.getValueAs(BigDecimal.class);
        String expected =
            value == null
                ? null
                : value.setScale(calls.get(i).getType().getScale()).toPlainString();
        assertEquals(rs.getString(i + 1), expected, expressions.get(i));
        assertEquals(
            rs.getMetaData().getScale(i + 1),
            calls.get(i).getType().getScale(),
            expressions.get(i));
        assertEquals(
            rs.getMetaData().getPrecision(i + 1),
            calls.get(i).getType().getPrecision(),
            expressions.get(i));
      }
    }
  }

  private static RexNode literal(RexBuilder rexBuilder, String text) {
    BigDecimal d = new BigDecimal(text);
    return rexBuilder.makeExactLiteral(
        d,
        rexBuilder
            .getTypeFactory()
            .createSqlType(SqlTypeName.DECIMAL, Math.max(d.precision(), d.scale()), d.scale()));
  }

  private static String digits(String text) {
    BigDecimal d = new BigDecimal(text);
    return Math.max(d.precision(), d.scale()) + "," + d.scale();
  }
}
