package io.deltajdbc.engine.internal.checkpoint.columnar;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map of strings of a row group, from its key and value leaves (repetition levels start its
 * rows).
 */
final class MapColumn {
  static final MapColumn ABSENT = new MapColumn(LeafValues.ABSENT, LeafValues.ABSENT, 0, 0);

  private final LeafValues keys;
  private final LeafValues values;
  private final int mapDef;
  private final int entryDef;

  MapColumn(LeafValues keys, LeafValues values, int mapDef, int entryDef) {
    this.keys = keys;
    this.values = values;
    this.mapDef = mapDef;
    this.entryDef = entryDef;
  }

  /**
   * The map of {@code row}: null, empty, or its entries in file order (a repeated key: the last
   * value).
   */
  Map<String, String> get(int row) {
    if (keys.isAbsent()) {
      return null;
    }
    int start = keys.first(row);
    int def = keys.def(start);
    if (def < mapDef) {
      return null;
    }
    Map<String, String> m = new LinkedHashMap<>();
    if (def < entryDef) {
      return m;
    }
    int end = keys.end(row);
    for (int i = start; i < end; i++) {
      m.put(keys.stringAt(i), values.stringAt(i));
    }
    return m;
  }
}
