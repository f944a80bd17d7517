package io.deltajdbc.calcite.changes;

import io.deltajdbc.calcite.VersionSpec;
import io.deltajdbc.calcite.statement.ddl.TableRef;
import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.changes.ChangeRange;
import io.deltajdbc.engine.changes.TableChanges;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.NlsString;

/**
 * {@code table_changes(table_name, start [, end])}: a macro because its columns depend on the table
 * it names. The name resolves as statements resolve names ({@code t} in the connection's schema, or
 * {@code schema.t}); the range is checked when the statement is prepared, so a bad range or an
 * unknown table fails then with the engine's SQLState.
 */
public final class TableChangesMacro implements TableMacro {
  /** The SQL name. */
  public static final String NAME = "TABLE_CHANGES";

  /** Adds the macro to a connection's root schema, where unqualified calls find it. */
  public static void register(SchemaPlus root) {
    root.add(NAME, new TableChangesMacro());
  }

  @Override
  public List<FunctionParameter> getParameters() {
    return List.of(
        parameter(0, "table_name", String.class, false),
        parameter(1, "start", Object.class, false),
        parameter(2, "end", Object.class, true));
  }

  @Override
  public TranslatableTable apply(List<? extends Object> arguments) {
    Object name = arguments.get(0);
    if (name == null) {
      throw DeltaErrors.invalidArgument("table_changes needs a table name as its first argument.");
    }
    String text = name instanceof NlsString s ? s.getValue() : name.toString();
    TableRef ref = resolve(text);
    ChangeRange range =
        new ChangeRange(
            ChangeBounds.of(arguments.get(1), "start", ref.qualified()),
            arguments.size() > 2 && arguments.get(2) != null
                ? ChangeBounds.of(arguments.get(2), "end", ref.qualified())
                : null);
    TableChanges checked = ref.table().changes(range); // fails now for a bad range
    return new ChangesTable(ref.qualified(), ref.table(), range, checked.schema());
  }

  /** The table a name means, in the statement being prepared. */
  private static TableRef resolve(String text) {
    List<String> names = new ArrayList<>();
    for (String part : text.split("\\.", -1)) {
      String p = part.trim();
      if (p.length() >= 2
          && (p.startsWith("`") && p.endsWith("`") || p.startsWith("\"") && p.endsWith("\""))) {
        p = p.substring(1, p.length() - 1);
      }
      names.add(p);
    }
    String last = names.get(names.size() - 1);
    if (!VersionSpec.parse(last).isLatest()) {
      throw DeltaErrors.invalidArgument(
          "table_changes reads a table, not a version of it: name "
              + VersionSpec.baseName(last)
              + " and give the versions as the start and end arguments.");
    }
    CalcitePrepare.Context context = CalcitePrepare.Dummy.peek();
    return TableRef.resolve(context, new SqlIdentifier(names, SqlParserPos.ZERO)).requireExists();
  }

  private static FunctionParameter parameter(
      int ordinal, String name, Class<?> type, boolean optional) {
    return new FunctionParameter() {
      @Override
      public int getOrdinal() {
        return ordinal;
      }

      @Override
      public String getName() {
        return name;
      }

      @Override
      public RelDataType getType(RelDataTypeFactory typeFactory) {
        return typeFactory.createJavaType(type);
      }

      @Override
      public boolean isOptional() {
        return optional;
      }
    };
  }
}
