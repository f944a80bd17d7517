package io.deltajdbc.tools.server;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;

/**
 * Result signatures as a remote client reads them. Avatica's protocol carries a TIMESTAMP or TIME
 * as epoch milliseconds, and its client formats {@code getString} with the column's precision taken
 * as fractional digits, where the driver reports JDBC's precision (26 for a microsecond timestamp):
 * a remote client would print 26 digits of which the last 23 are zeros. The server sends such
 * columns with precision 3, the digits that reach the client.
 */
final class WireSignatures {
  /** Fractional digits of a temporal value on Avatica's wire (milliseconds). */
  static final int WIRE_FRACTION_DIGITS = 3;

  private WireSignatures() {}

  static Meta.ExecuteResult forClient(Meta.ExecuteResult r) {
    if (r.resultSets.stream().noneMatch(m -> needsChange(m.signature))) {
      return r;
    }
    List<Meta.MetaResultSet> out = new ArrayList<>();
    for (Meta.MetaResultSet m : r.resultSets) {
      out.add(
          needsChange(m.signature)
              ? Meta.MetaResultSet.create(
                  m.connectionId,
                  m.statementId,
                  m.ownStatement,
                  forClient(m.signature),
                  m.firstFrame,
                  m.updateCount)
              : m);
    }
    return new Meta.ExecuteResult(out);
  }

  static Meta.StatementHandle forClient(Meta.StatementHandle h) {
    if (needsChange(h.signature)) {
      h.signature = forClient(h.signature);
    }
    return h;
  }

  static Meta.Signature forClient(Meta.Signature s) {
    if (!needsChange(s)) {
      return s;
    }
    List<ColumnMetaData> columns = new ArrayList<>();
    for (ColumnMetaData c : s.columns) {
      columns.add(temporal(c) ? withWirePrecision(c) : c);
    }
    return new Meta.Signature(
        columns, s.sql, s.parameters, s.internalParameters, s.cursorFactory, s.statementType);
  }

  private static boolean needsChange(Meta.Signature s) {
    return s != null
        && s.columns != null
        && s.columns.stream().anyMatch(c -> temporal(c) && c.precision > WIRE_FRACTION_DIGITS);
  }

  private static boolean temporal(ColumnMetaData c) {
    int t = c.type.id;
    return t == Types.TIMESTAMP
        || t == Types.TIME
        || t == Types.TIMESTAMP_WITH_TIMEZONE
        || t == Types.TIME_WITH_TIMEZONE;
  }

  private static ColumnMetaData withWirePrecision(ColumnMetaData c) {
    return new ColumnMetaData(
        c.ordinal,
        c.autoIncrement,
        c.caseSensitive,
        c.searchable,
        c.currency,
        c.nullable,
        c.signed,
        c.displaySize,
        c.label,
        c.columnName,
        c.schemaName,
        WIRE_FRACTION_DIGITS,
        Math.min(c.scale, WIRE_FRACTION_DIGITS),
        c.tableName,
        c.catalogName,
        c.type,
        c.readOnly,
        c.writable,
        c.definitelyWritable,
        c.columnClassName);
  }
}
