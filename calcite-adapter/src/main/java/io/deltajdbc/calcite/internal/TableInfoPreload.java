package io.deltajdbc.calcite.internal;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.TableInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the latest protocol, metadata and schema of many tables at once, on a few daemon threads: a
 * catalog listing reads one small log per table, and the latency of each read (a listing and a
 * commit or checkpoint on remote storage) overlaps with the others instead of adding up.
 */
public final class TableInfoPreload {
  private static final int THREADS = 8;
  private static final ExecutorService POOL =
      Executors.newFixedThreadPool(
          THREADS,
          r -> {
            Thread t = new Thread(r, "delta-table-info");
            t.setDaemon(true);
            return t;
          });

  private TableInfoPreload() {}

  /** A table's info and when it was read ({@link System#nanoTime()}). */
  public record Loaded(TableInfo info, long nanos) {}

  /**
   * The info of each table by name; a table whose log cannot be read is left out (its own lookup
   * then reports the error, naming it).
   */
  public static Map<String, Loaded> load(Map<String, DeltaTable> tables) {
    Map<String, Loaded> out = new ConcurrentHashMap<>();
    List<Future<?>> futures = new ArrayList<>();
    tables.forEach(
        (name, table) ->
            futures.add(
                POOL.submit(
                    () -> {
                      try {
                        out.put(name, new Loaded(table.latestInfo(), System.nanoTime()));
                      } catch (RuntimeException e) {
                        // reported by the lookup of this table
                      }
                    })));
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (ExecutionException e) {
        // the task catches what the engine throws; nothing else is expected
      }
    }
    return out;
  }
}
