package io.deltajdbc.tools.bench.peer;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.Snapshot;
import io.deltajdbc.engine.actions.AddFile;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * DuckDB as a peer for scans and aggregates: one in-memory connection for the run (DuckDB's default
 * threads, one per core), reading the very data files a Delta snapshot lists with {@code
 * read_parquet([...])}. Only for tables without deletion vectors or column mapping.
 */
public final class DuckDbPeer implements AutoCloseable {
  public static final String NAME = "DuckDB 1.4.4 read_parquet";
  private final Connection connection;

  public DuckDbPeer() throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
  }

  /**
   * The {@code read_parquet} call over the data files of the table's latest snapshot, or empty when
   * the table has deletion vectors or column mapping (then the files alone are not the table).
   */
  public static Optional<String> source(String tablePath) {
    DeltaTable table = DeltaTable.forPath(tablePath);
    Snapshot snapshot = table.latestSnapshot();
    String mapping =
        snapshot.metadata().configuration().getOrDefault("delta.columnMapping.mode", "none");
    if (!mapping.equals("none")) {
      return Optional.empty();
    }
    List<URI> files = new ArrayList<>();
    for (AddFile f : snapshot.files()) {
      if (f.deletionVector() != null) {
        return Optional.empty();
      }
      // paths relative to the root, URI-encoded, as the protocol says
      files.add(URI.create(table.root() + "/" + f.path()));
    }
    return Optional.of(source(files, !snapshot.partitionColumns().isEmpty()));
  }

  /** The {@code read_parquet} call over {@code files}, hive partitioning on when asked. */
  public static String source(List<URI> files, boolean hivePartitioning) {
    String list =
        files.stream()
            .map(f -> "'" + Path.of(f).toString().replace("'", "''") + "'")
            .collect(Collectors.joining(", ", "[", "]"));
    return "read_parquet(" + list + (hivePartitioning ? ", hive_partitioning = true" : "") + ")";
  }

  /** The rows of {@code sql}, each a list of its column values. */
  public List<List<Object>> rows(String sql) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        out.add(row);
      }
    }
    return out;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
