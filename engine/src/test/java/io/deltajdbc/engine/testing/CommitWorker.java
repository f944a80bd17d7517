package io.deltajdbc.engine.testing;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.data.Row;
import io.deltajdbc.engine.txn.ConcurrentModificationException;
import io.deltajdbc.engine.txn.Operation;
import io.deltajdbc.engine.txn.Transaction;
import io.deltajdbc.engine.types.PrimitiveType;
import io.deltajdbc.engine.types.StructField;
import io.deltajdbc.engine.types.StructType;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A writer for the concurrency tests: blind appends of rows with unique ids, and deletes of one
 * file it read. It reports each outcome as a line ({@code APPEND <file> <ids>}, {@code DELETE
 * <file>}, {@code CONFLICT <exception>}); run as a process, it prints them.
 */
public final class CommitWorker {
  public static final StructType SCHEMA =
      StructType.of(
          new StructField("id", PrimitiveType.LONG, false),
          new StructField("writer", PrimitiveType.STRING, true));

  private CommitWorker() {}

  /**
   * {@code commits} transactions; ids are {@code writer * 1_000_000 + n}. Loops forever when
   * commits < 0.
   */
  public static void run(
      DeltaTable table, int writer, int commits, long seed, Consumer<String> report) {
    Random rnd = new Random(seed);
    long nextId = writer * 1_000_000L;
    for (int c = 0; commits < 0 || c < commits; c++) {
      Transaction txn = table.startTransaction();
      var files = new ArrayList<>(txn.readSnapshot().files());
      try {
        if (!files.isEmpty() && rnd.nextInt(10) < 3) {
          AddFile victim = files.get(rnd.nextInt(files.size()));
          txn.readFiles(List.of(victim));
          txn.remove(List.of(victim));
          txn.commit(Operation.of("DELETE", Map.of("predicate", "[]")));
          report.accept("DELETE " + victim.path());
        } else {
          List<Row> rows = new ArrayList<>();
          for (int i = 0; i < 1 + rnd.nextInt(5); i++) {
            rows.add(Row.of(nextId++, "w" + writer));
          }
          List<AddFile> added = txn.write(rows.iterator());
          txn.commit(Operation.append());
          report.accept(
              "APPEND "
                  + added.get(0).path()
                  + " "
                  + rows.stream().map(r -> r.get(0).toString()).collect(Collectors.joining(",")));
        }
      } catch (ConcurrentModificationException e) {
        report.accept("CONFLICT " + e.getClass().getSimpleName());
      }
    }
  }

  /** Process entry point: {@code <table> <writer> <commits> <seed>}. */
  public static void main(String[] args) {
    PrintStream out = System.out;
    DeltaTable table = DeltaTable.forPath(args[0], DeltaTable.defaultConfiguration());
    run(
        table,
        Integer.parseInt(args[1]),
        Integer.parseInt(args[2]),
        Long.parseLong(args[3]),
        line -> {
          out.println(line);
          out.flush();
        });
  }
}
