package io.deltajdbc.engine.internal.checkpoint.columnar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;

/** The decoded columns of one row group, looked up by the read schema's dotted names. */
final class RowGroupColumns {
  private final CheckpointColumns layout;
  private final Map<ColumnDescriptor, LeafValues> decoded;

  RowGroupColumns(CheckpointColumns layout, Map<ColumnDescriptor, LeafValues> decoded) {
    this.layout = layout;
    this.decoded = decoded;
  }

  LeafValues leaf(String name) {
    return layout.ref(name) instanceof CheckpointColumns.Leaf l
        ? values(l.column())
        : LeafValues.ABSENT;
  }

  MapColumn map(String name) {
    if (layout.ref(name) instanceof CheckpointColumns.MapRef m) {
      return new MapColumn(values(m.key()), values(m.value()), m.mapDef(), m.entryDef());
    }
    return MapColumn.ABSENT;
  }

  ListColumn list(String name) {
    if (layout.ref(name) instanceof CheckpointColumns.ListRef l) {
      return new ListColumn(values(l.element()), l.listDef(), l.elementDef());
    }
    return ListColumn.ABSENT;
  }

  StructColumn struct(String name) {
    if (layout.ref(name) instanceof CheckpointColumns.StructRef s) {
      List<LeafValues> leaves = new ArrayList<>();
      s.leaves().forEach(c -> leaves.add(values(c)));
      return new StructColumn(s.level(), leaves);
    }
    return StructColumn.ABSENT;
  }

  private LeafValues values(ColumnDescriptor c) {
    return c == null ? LeafValues.ABSENT : decoded.getOrDefault(c, LeafValues.ABSENT);
  }
}
