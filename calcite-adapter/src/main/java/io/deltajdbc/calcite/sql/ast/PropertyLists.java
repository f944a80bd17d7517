package io.deltajdbc.calcite.sql.ast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;

/**
 * Property lists of DDL ({@code TBLPROPERTIES ('k' = 'v')}, {@code PARTITION (p = v)}): parsed as
 * key, value, key, ....
 */
public final class PropertyLists {
  private PropertyLists() {}

  /** The list as a map, in written order; keys keep their case. */
  public static Map<String, String> toMap(SqlNodeList pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    if (pairs != null) {
      for (int i = 0; i + 1 < pairs.size(); i += 2) {
        m.put(key(pairs.get(i)), DeltaTypeNames.stringValue(pairs.get(i + 1)));
      }
    }
    return m;
  }

  /** The keys of a list of keys. */
  public static List<String> keys(SqlNodeList keys) {
    List<String> out = new ArrayList<>();
    keys.forEach(k -> out.add(key(k)));
    return out;
  }

  /** A key: a string literal's value, or a dotted name as written. */
  public static String key(SqlNode node) {
    return node instanceof SqlIdentifier id
        ? String.join(".", id.names)
        : DeltaTypeNames.stringValue(node);
  }

  static void unparse(SqlWriter writer, SqlNodeList pairs) {
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (int i = 0; i + 1 < pairs.size(); i += 2) {
      writer.sep(",");
      pairs.get(i).unparse(writer, 0, 0);
      writer.keyword("=");
      pairs.get(i + 1).unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
