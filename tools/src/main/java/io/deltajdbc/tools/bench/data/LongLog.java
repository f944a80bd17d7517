package io.deltajdbc.tools.bench.data;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.TableSpec;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;

/**
 * A table with a long log: {@code commits} blind appends, each adding one small file to each of
 * {@code filesPerCommit} partitions, checkpointed every {@code checkpointInterval} commits by our
 * writer's post-commit hook. Its snapshot holds {@code commits * filesPerCommit} active files.
 */
public final class LongLog {
  public static final StructType SCHEMA =
      StructType.of(
          new StructField("id", PrimitiveType.LONG, false),
          new StructField("bucket", PrimitiveType.INTEGER, false),
          new StructField("payload", PrimitiveType.STRING, true));

  private LongLog() {}

  public static void write(
      String path,
      Configuration conf,
      int commits,
      int filesPerCommit,
      int checkpointInterval,
      long seed) {
    DeltaTable table =
        DeltaTable.create(
            path,
            conf,
            TableSpec.of(SCHEMA, "bucket")
                .withProperty("delta.checkpointInterval", String.valueOf(checkpointInterval)));
    SplittableRandom random = new SplittableRandom(seed);
    long id = 0;
    for (int c = 0; c < commits; c++) {
      id = append(table, filesPerCommit, id, random);
    }
  }

  /** One more commit of one row per partition; returns the next row id. */
  public static long append(
      DeltaTable table, int filesPerCommit, long firstId, SplittableRandom random) {
    List<Row> rows = new ArrayList<>(filesPerCommit);
    long id = firstId;
    for (int b = 0; b < filesPerCommit; b++) {
      rows.add(Row.of(id++, b, Long.toHexString(random.nextLong())));
    }
    Transaction txn = table.startTransaction();
    txn.write(rows.iterator());
    txn.commit(Operation.append());
    return id;
  }
}
