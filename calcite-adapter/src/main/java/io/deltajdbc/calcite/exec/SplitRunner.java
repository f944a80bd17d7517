package io.deltajdbc.calcite.exec;

import io.deltajdbc.engine.ScanSplit;
import io.deltajdbc.engine.data.CloseableIterator;
import io.deltajdbc.engine.data.Row;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.runtime.CalciteException;

/**
 * Runs a scan's splits at most {@code parallelism} at a time, each on a worker thread, and hands
 * the statement's thread their results in split order: partial aggregates to merge, or rows through
 * a small bounded queue per split, so that a slow client holds back the workers instead of filling
 * the heap. Workers stop between batches when the statement is canceled, times out or closes its
 * result (LIMIT). Worker threads are daemons shared by all statements, created as statements need
 * them and kept a minute when idle.
 */
public final class SplitRunner {
  private static final ExecutorService WORKERS =
      Executors.newCachedThreadPool(
          new ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable r) {
              Thread t = new Thread(r, "delta-scan-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            }
          });

  /** Row chunks a split's queue holds before its worker waits for the consumer. */
  private static final int QUEUE_CHUNKS = 4;

  private static final int CHUNK_ROWS = 1024;

  private SplitRunner() {}

  /** Aggregates every split and merges the partials in split order. */
  public static BatchAggregation.Partial aggregate(
      BatchAggregation aggregation, List<ScanSplit> splits, int parallelism, RunControl control) {
    BatchAggregation.Partial total = aggregation.empty();
    if (parallelism <= 1 || splits.size() <= 1) {
      for (ScanSplit s : splits) {
        total.merge(aggregation.run(s, control));
      }
      return total;
    }
    Deque<Future<BatchAggregation.Partial>> running = new ArrayDeque<>();
    int next = 0;
    try {
      while (next < splits.size() && running.size() < parallelism) {
        ScanSplit s = splits.get(next++);
        running.add(WORKERS.submit(() -> aggregation.run(s, control)));
      }
      while (!running.isEmpty()) {
        total.merge(await(running.poll()));
        if (next < splits.size()) {
          ScanSplit s = splits.get(next++);
          running.add(WORKERS.submit(() -> aggregation.run(s, control)));
        }
      }
      return total;
    } finally {
      control.close();
      running.forEach(f -> f.cancel(true));
    }
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CalciteException("Statement canceled", null);
    } catch (CancellationException e) {
      throw new CalciteException("Statement canceled", null);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  private static RuntimeException rethrow(Throwable cause) {
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new IllegalStateException(cause.getMessage(), cause);
  }

  /**
   * The rows of every split in split order, each converted by {@code convert} on the worker that
   * read it; up to {@code parallelism} splits are read ahead of the consumer.
   */
  public static Enumerator<Object> rows(
      List<ScanSplit> splits, int parallelism, Function<Row, Object> convert, RunControl control) {
    return new RowStream(splits, Math.max(1, parallelism), convert, control);
  }

  /** The end of a split's rows, or the failure that ended them. */
  private record End(Throwable failure) {}

  private static final class RowStream implements Enumerator<Object> {
    private final List<ScanSplit> splits;
    private final int parallelism;
    private final Function<Row, Object> convert;
    private final RunControl control;
    private final List<BlockingQueue<Object>> queues = new ArrayList<>();
    private final List<Future<?>> workers = new ArrayList<>();
    private int current;
    private Object[] chunk;
    private int position;
    private Object row;

    RowStream(
        List<ScanSplit> splits,
        int parallelism,
        Function<Row, Object> convert,
        RunControl control) {
      this.splits = splits;
      this.parallelism = parallelism;
      this.convert = convert;
      this.control = control;
      for (int i = 0; i < splits.size(); i++) {
        queues.add(new ArrayBlockingQueue<>(QUEUE_CHUNKS));
        workers.add(null);
      }
      for (int i = 0; i < Math.min(parallelism, splits.size()); i++) {
        start(i);
      }
    }

    private void start(int i) {
      ScanSplit split = splits.get(i);
      BlockingQueue<Object> queue = queues.get(i);
      workers.set(i, WORKERS.submit(() -> produce(split, queue)));
    }

    private void produce(ScanSplit split, BlockingQueue<Object> queue) {
      Throwable failure = null;
      try (CloseableIterator<Row> rows = split.rows()) {
        Object[] out = new Object[CHUNK_ROWS];
        int n = 0;
        while (rows.hasNext()) {
          if (control.closed()) {
            return;
          }
          out[n++] = convert.apply(rows.next());
          if (n == CHUNK_ROWS) {
            if (!put(queue, out)) {
              return;
            }
            out = new Object[CHUNK_ROWS];
            n = 0;
            control.check();
          }
        }
        if (n > 0 && !put(queue, java.util.Arrays.copyOf(out, n))) {
          return;
        }
      } catch (Throwable t) {
        failure = t;
      }
      put(queue, new End(failure));
    }

    /** Waits for room in the queue; false when the consumer is gone. */
    private boolean put(BlockingQueue<Object> queue, Object item) {
      try {
        while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
          if (control.closed()) {
            return false;
          }
        }
        return true;
      } catch (InterruptedException e) {
        return false;
      }
    }

    @Override
    public Object current() {
      return row;
    }

    @Override
    public boolean moveNext() {
      while (chunk == null || position == chunk.length) {
        if (current == splits.size()) {
          return false;
        }
        Object item = take(queues.get(current));
        if (item instanceof End end) {
          workers.set(current, null);
          if (end.failure() != null) {
            close();
            throw rethrow(end.failure());
          }
          int following = current + parallelism;
          if (following < splits.size()) {
            start(following);
          }
          current++;
          chunk = null;
        } else {
          chunk = (Object[]) item;
          position = 0;
        }
      }
      row = chunk[position++];
      return true;
    }

    private Object take(BlockingQueue<Object> queue) {
      try {
        while (true) {
          control.check();
          Object item = queue.poll(50, TimeUnit.MILLISECONDS);
          if (item != null) {
            return item;
          }
        }
      } catch (InterruptedException e) {
        close();
        throw new CalciteException("Statement canceled", null);
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }

    @Override
    public void reset() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
      control.close();
      for (Future<?> f : workers) {
        if (f != null) {
          f.cancel(true);
        }
      }
    }
  }
}
