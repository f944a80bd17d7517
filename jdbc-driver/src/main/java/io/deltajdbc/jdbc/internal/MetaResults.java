package io.deltajdbc.jdbc.internal;

import java.lang.reflect.Field;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.AvaticaUtils;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;

/**
 * Result sets of {@code DatabaseMetaData} listings as Calcite's {@code CalciteMetaImpl} makes them:
 * a statement of their own, a Calcite signature whose rows are the frame's, and for rows that are
 * objects ({@code MetaImpl.MetaTable}, {@code MetaColumn}, ...) one column per public field named
 * after the JDBC column ({@code TABLE_NAME} is the field {@code tableName}).
 */
final class MetaResults {
  private MetaResults() {}

  /** A listing of {@code rows}, objects of {@code rowClass}, in the JDBC columns {@code names}. */
  static Meta.MetaResultSet of(
      AvaticaConnection connection, Enumerable<?> rows, Class<?> rowClass, List<String> names) {
    List<ColumnMetaData> columns = new ArrayList<>(names.size());
    List<Field> fields = new ArrayList<>(names.size());
    List<String> fieldNames = new ArrayList<>(names.size());
    for (String name : names) {
      String fieldName = AvaticaUtils.toCamelCase(name);
      Field field = field(rowClass, fieldName);
      columns.add(MetaImpl.columnMetaData(name, fields.size(), field.getType(), false));
      fields.add(field);
      fieldNames.add(fieldName);
    }
    @SuppressWarnings("unchecked")
    Iterable<Object> iterable = (Iterable<Object>) rows;
    return of(
        connection,
        columns,
        Meta.CursorFactory.record(rowClass, fields, fieldNames),
        new Meta.Frame(0, true, iterable));
  }

  /** A listing of {@code firstFrame}'s rows, all of them, in {@code columns}. */
  static Meta.MetaResultSet of(
      AvaticaConnection connection,
      List<ColumnMetaData> columns,
      Meta.CursorFactory cursorFactory,
      Meta.Frame firstFrame) {
    try {
      AvaticaStatement statement = connection.createStatement();
      CalcitePrepare.CalciteSignature<Object> signature =
          new CalcitePrepare.CalciteSignature<>(
              "",
              List.of(),
              Map.of(),
              null,
              columns,
              cursorFactory,
              null,
              List.of(),
              -1,
              null,
              Meta.StatementType.SELECT) {
            @Override
            public Enumerable<Object> enumerable(DataContext dataContext) {
              return Linq4j.asEnumerable(firstFrame.rows);
            }
          };
      return Meta.MetaResultSet.create(
          connection.id, statement.getId(), true, signature, firstFrame);
    } catch (SQLException e) {
      throw new RuntimeException(e); // as Calcite's listings throw it
    }
  }

  /** The public field, or else the declared one (a subclass's own). */
  private static Field field(Class<?> rowClass, String name) {
    try {
      return rowClass.getField(name);
    } catch (NoSuchFieldException e) {
      try {
        return rowClass.getDeclaredField(name);
      } catch (NoSuchFieldException e2) {
        throw new IllegalArgumentException(rowClass.getName() + " has no field " + name, e2);
      }
    }
  }
}
