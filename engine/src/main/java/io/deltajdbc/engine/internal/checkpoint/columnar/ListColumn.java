package io.deltajdbc.engine.internal.checkpoint.columnar;

import java.util.ArrayList;
import java.util.List;

/** A list of strings of a row group, from its element leaf (repetition levels start its rows). */
final class ListColumn {
  static final ListColumn ABSENT = new ListColumn(LeafValues.ABSENT, 0, 0);

  private final LeafValues elements;
  private final int listDef;
  private final int elementDef;

  ListColumn(LeafValues elements, int listDef, int elementDef) {
    this.elements = elements;
    this.listDef = listDef;
    this.elementDef = elementDef;
  }

  /** The list of {@code row}: null, empty, or its elements (null where an element is null). */
  List<String> get(int row) {
    if (elements.isAbsent()) {
      return null;
    }
    int start = elements.first(row);
    int def = elements.def(start);
    if (def < listDef) {
      return null;
    }
    List<String> out = new ArrayList<>();
    if (def < elementDef) {
      return out;
    }
    int end = elements.end(row);
    for (int i = start; i < end; i++) {
      out.add(elements.stringAt(i));
    }
    return out;
  }
}
