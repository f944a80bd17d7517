package io.deltajdbc.engine.internal.skipping;

import static io.deltajdbc.engine.expressions.Predicates.and;
import static io.deltajdbc.engine.expressions.Predicates.eq;
import static io.deltajdbc.engine.expressions.Predicates.ge;
import static io.deltajdbc.engine.expressions.Predicates.gt;
import static io.deltajdbc.engine.expressions.Predicates.in;
import static io.deltajdbc.engine.expressions.Predicates.isNotNull;
import static io.deltajdbc.engine.expressions.Predicates.isNull;
import static io.deltajdbc.engine.expressions.Predicates.lt;
import static io.deltajdbc.engine.expressions.Predicates.not;
import static io.deltajdbc.engine.expressions.Predicates.or;
import static io.deltajdbc.engine.expressions.Predicates.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.actions.FileStats;
import io.deltajdbc.engine.expressions.Column;
import io.deltajdbc.engine.expressions.Literal;
import io.deltajdbc.engine.types.DataType;
import io.deltajdbc.engine.types.PrimitiveType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Skipping decisions on statistics as Spark writes them. */
class DataSkippingTest {
  private static final String STATS =
      "{\"numRecords\":10,"
          + "\"minValues\":{\"id\":5,\"name\":\"bob\",\"ts\":\"2024-01-01T00:00:00.000Z\",\"s\":{\"x\":1}},"
          + "\"maxValues\":{\"id\":20,\"name\":\"dave\",\"ts\":\"2024-01-01T00:00:00.123Z\",\"s\":{\"x\":3}},"
          + "\"nullCount\":{\"id\":0,\"name\":2,\"ts\":0,\"s\":{\"x\":10}}}";

  private static final Map<String, DataType> TYPES =
      Map.of(
          "id",
          PrimitiveType.LONG,
          "name",
          PrimitiveType.STRING,
          "ts",
          PrimitiveType.TIMESTAMP,
          "s.x",
          PrimitiveType.INTEGER);

  private static StatsSource source(String json) {
    FileStats stats = FileStats.parse(json);
    return new StatsSource() {
      @Override
      public ColumnStat column(Column c) {
        DataType t = TYPES.get(c.toString());
        return t == null ? ColumnStat.UNKNOWN : ColumnStat.of(stats, c.path(), t);
      }

      @Override
      public Long numRecords() {
        return stats.numRecords();
      }

      @Override
      public boolean tightBounds() {
        return stats.tightBounds();
      }
    };
  }

  private static final Column ID = Column.of("id");
  private static final Column NAME = Column.of("name");

  @Test
  void comparisonsOutsideTheBoundsSkip() {
    StatsSource s = source(STATS);
    assertTrue(DataSkipping.canSkip(eq(ID, Literal.of(4)), s));
    assertTrue(DataSkipping.canSkip(eq(ID, Literal.of(21)), s));
    assertFalse(DataSkipping.canSkip(eq(ID, Literal.of(5)), s));
    assertTrue(DataSkipping.canSkip(lt(ID, Literal.of(5)), s));
    assertFalse(DataSkipping.canSkip(lt(ID, Literal.of(6)), s));
    assertTrue(DataSkipping.canSkip(gt(ID, Literal.of(20)), s));
    assertFalse(DataSkipping.canSkip(ge(ID, Literal.of(20)), s));
    assertTrue(DataSkipping.canSkip(lt(Literal.of(20), ID), s), "literal on the left is flipped");
  }

  @Test
  void connectivesCombine() {
    StatsSource s = source(STATS);
    assertTrue(DataSkipping.canSkip(and(eq(ID, Literal.of(1)), eq(NAME, Literal.of("carl"))), s));
    assertFalse(DataSkipping.canSkip(or(eq(ID, Literal.of(1)), eq(NAME, Literal.of("carl"))), s));
    assertTrue(DataSkipping.canSkip(not(ge(ID, Literal.of(5))), s));
    assertFalse(DataSkipping.canSkip(not(eq(ID, Literal.of(7))), s));
    assertTrue(DataSkipping.canSkip(in(ID, List.of(Literal.of(1), Literal.of(30))), s));
    assertFalse(DataSkipping.canSkip(in(ID, List.of(Literal.of(1), Literal.of(7))), s));
  }

  @Test
  void nullCountsAndPrefixes() {
    StatsSource s = source(STATS);
    assertTrue(DataSkipping.canSkip(isNull(ID), s));
    assertFalse(DataSkipping.canSkip(isNull(NAME), s));
    assertTrue(
        DataSkipping.canSkip(isNotNull(Column.of("s", "x")), s), "all ten values of s.x are null");
    assertTrue(DataSkipping.canSkip(eq(Column.of("s", "x"), Literal.of(2)), s));
    assertTrue(DataSkipping.canSkip(startsWith(NAME, "e"), s));
    assertTrue(DataSkipping.canSkip(startsWith(NAME, "a"), s));
    assertFalse(DataSkipping.canSkip(startsWith(NAME, "c"), s));
    assertFalse(DataSkipping.canSkip(startsWith(NAME, "da"), s));
  }

  @Test
  void timestampMaximumIsWidenedForItsMillisecondTruncation() {
    StatsSource s = source(STATS);
    Instant withinTruncatedMilli = Instant.parse("2024-01-01T00:00:00.123456Z");
    assertFalse(DataSkipping.canSkip(eq(Column.of("ts"), Literal.of(withinTruncatedMilli)), s));
    assertTrue(
        DataSkipping.canSkip(
            eq(Column.of("ts"), Literal.of(Instant.parse("2024-01-01T00:00:00.125Z"))), s));
  }

  @Test
  void unknownOrLooseStatisticsNeverSkip() {
    assertFalse(DataSkipping.canSkip(eq(ID, Literal.of(100)), source(null)));
    assertFalse(DataSkipping.canSkip(eq(Column.of("other"), Literal.of(1)), source(STATS)));
    assertFalse(
        DataSkipping.canSkip(eq(ID, Literal.of("text")), source(STATS)),
        "incomparable values keep the file");
    String loose =
        STATS.replace("{\"numRecords\":10,", "{\"numRecords\":10,\"tightBounds\":false,");
    assertFalse(DataSkipping.canSkip(isNull(ID), source(loose)));
    assertTrue(
        DataSkipping.canSkip(eq(ID, Literal.of(100)), source(loose)),
        "loose bounds still bound the values");
  }
}
