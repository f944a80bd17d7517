package io.deltajdbc.engine.spark;

import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.actions.ActionJson;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.internal.scan.TableFileReader;
import io.deltajdbc.engine.internal.snapshot.SnapshotImpl;
import io.deltajdbc.engine.internal.write.DataFileWriter;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * What a Spark task needs to read or write files of one table version, in serializable form: the
 * table root, its Hadoop settings (a {@link Configuration} is not serializable), and the metadata
 * as its log JSON.
 */
record TableContext(String tablePath, String root, Map<String, String> hadoopConf, String metadataJson,
    boolean deletionVectors) implements Serializable {

  static TableContext of(Snapshot snapshot) {
    SnapshotImpl s = (SnapshotImpl) snapshot;
    Map<String, String> conf = new HashMap<>();
    for (Map.Entry<String, String> e : s.store().configuration()) {
      conf.put(e.getKey(), e.getValue());
    }
    return new TableContext(s.tablePath(), s.root().toString(), conf, ActionJson.toJson(s.metadata()),
        s.protocol().hasWriterFeature("deletionVectors"));
  }

  Configuration configuration() {
    Configuration conf = new Configuration(false);
    hadoopConf.forEach(conf::set);
    return conf;
  }

  Metadata metadata() {
    return (Metadata) ActionJson.parse(metadataJson);
  }

  TableFileReader reader() {
    return TableFileReader.allColumns(configuration(), new Path(root), tablePath, metadata());
  }

  /** A reader of the named columns only (schema order, as the schema spells them). */
  TableFileReader reader(java.util.List<String> columns) {
    return TableFileReader.columns(configuration(), new Path(root), tablePath, metadata(), columns);
  }

  DataFileWriter writer() {
    return new DataFileWriter(configuration(), new Path(root), tablePath, metadata(), deletionVectors);
  }
}
