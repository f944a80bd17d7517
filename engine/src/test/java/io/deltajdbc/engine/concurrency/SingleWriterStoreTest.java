package io.deltajdbc.engine.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.engine.DeltaException;
import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.ErrorCode;
import io.deltajdbc.engine.storage.SingleWriterLogStore;
import io.deltajdbc.engine.testing.CommitWorker;
import io.deltajdbc.engine.testing.CountingFileSystem;
import io.deltajdbc.engine.txn.TableSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage without an atomic put-if-absent (here a scheme the engine does not know, standing for
 * s3a:): commits are refused with the reason unless the user declares a single writer process,
 * whose threads are then serialized per commit file.
 */
class SingleWriterStoreTest {
  @TempDir Path dir;

  @Test
  void refusedByDefaultAndSafeForTheThreadsOfOneDeclaredWriter() throws Exception {
    Configuration conf = CountingFileSystem.configuration();
    String path = CountingFileSystem.uri(dir.resolve("t"));
    DeltaException refused =
        assertThrows(
            DeltaException.class,
            () -> DeltaTable.create(path, conf, TableSpec.of(CommitWorker.SCHEMA)));
    assertEquals(ErrorCode.UNSUPPORTED_TABLE_FEATURE, refused.code());
    String key = SingleWriterLogStore.singleWriterKey(CountingFileSystem.SCHEME);
    assertTrue(
        refused.getMessage().contains(key) && refused.getMessage().contains("put-if-absent"),
        refused.getMessage());

    conf.setBoolean(key, true);
    DeltaTable.create(path, conf, TableSpec.of(CommitWorker.SCHEMA));
    List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 1; w <= 4; w++) {
      int writer = w;
      futures.add(
          pool.submit(
              () ->
                  CommitWorker.run(
                      DeltaTable.forPath(path, conf), writer, 6, writer, outcomes::add)));
    }
    for (Future<?> f : futures) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    long successes = outcomes.stream().filter(o -> !o.startsWith("CONFLICT")).count();
    assertEquals(successes, DeltaTable.forPath(path, conf).latestSnapshot().version());
  }
}
