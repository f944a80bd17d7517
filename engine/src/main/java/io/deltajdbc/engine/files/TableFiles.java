package io.deltajdbc.engine.files;

import static java.util.Objects.requireNonNull;

import io.deltajdbc.engine.actions.ActionJson;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.internal.dv.DeletionVectorFileWriter;
import io.deltajdbc.engine.internal.dv.DeletionVectorLoader;
import io.deltajdbc.engine.internal.scan.TableFileReader;
import io.deltajdbc.engine.internal.write.TableFileWriter;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The files of one table version, in serializable form, for code that reads or writes them where
 * there is no snapshot (a Spark task): the table root, its Hadoop settings (a {@link Configuration}
 * is not serializable), the metadata as its log JSON, and whether the protocol has deletion
 * vectors. Obtained from {@link io.deltajdbc.engine.Snapshot#tableFiles()}.
 *
 * @param tablePath the table as the user named it, for messages
 * @param root the table root URI
 */
public record TableFiles(
    String tablePath,
    String root,
    Map<String, String> hadoopConf,
    String metadataJson,
    boolean deletionVectorsSupported)
    implements Serializable {

  public TableFiles {
    requireNonNull(tablePath, "tablePath");
    requireNonNull(root, "root");
    hadoopConf = Map.copyOf(requireNonNull(hadoopConf, "hadoopConf"));
    requireNonNull(metadataJson, "metadataJson");
  }

  /** A fresh Hadoop configuration with the table's settings. */
  public Configuration configuration() {
    Configuration conf = new Configuration(false);
    hadoopConf.forEach(conf::set);
    return conf;
  }

  public Metadata metadata() {
    return (Metadata) ActionJson.parse(metadataJson);
  }

  /** A reader of every column, in schema order. */
  public DataFileReader reader() {
    return TableFileReader.allColumns(configuration(), new Path(root), tablePath, metadata());
  }

  /** A reader of the named columns only (schema order, as the schema spells them). */
  public DataFileReader reader(List<String> columns) {
    return TableFileReader.columns(configuration(), new Path(root), tablePath, metadata(), columns);
  }

  /** A writer of new data files; with deletion vectors, their statistics say bounds are tight. */
  public DataFileWriter writer() {
    return new TableFileWriter(
        configuration(), new Path(root), tablePath, metadata(), deletionVectorsSupported);
  }

  /** The rows the file's deletion vector deletes (a new, empty bitmap when it has none). */
  public RoaringBitmapArray deletedRows(AddFile file) {
    return file.deletionVector() == null
        ? new RoaringBitmapArray()
        : DeletionVectorLoader.load(
            configuration(), new Path(root), file.deletionVector(), tablePath);
  }

  /** A writer of deletion vectors into one new file under the table root. */
  public DeletionVectorWriter deletionVectorWriter() {
    return DeletionVectorFileWriter.create(configuration(), new Path(root), tablePath);
  }
}
