package io.deltajdbc.calcite.statement.show;

import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.actions.Protocol;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A table's properties as Spark lists them for a Delta table: the metadata's configuration, the
 * protocol versions ({@code delta.minReaderVersion}, {@code delta.minWriterVersion}) and, on a
 * table-features protocol, {@code delta.feature.<name> = supported}; sorted by key.
 */
final class TableProperties {
  private TableProperties() {}

  static Map<String, String> of(Snapshot snapshot) {
    Map<String, String> out = new TreeMap<>(snapshot.properties());
    Protocol p = snapshot.protocol();
    out.put("delta.minReaderVersion", Integer.toString(p.minReaderVersion()));
    out.put("delta.minWriterVersion", Integer.toString(p.minWriterVersion()));
    features(out, p.readerFeatures());
    features(out, p.writerFeatures());
    return out;
  }

  private static void features(Map<String, String> out, Set<String> features) {
    if (features != null) {
      features.forEach(f -> out.put("delta.feature." + f, "supported"));
    }
  }
}
