package io.deltajdbc.tools.bench.load;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Samples memory while a run lasts, on a daemon thread: this JVM's used heap every 100 ms and a
 * server's memory every second (a failing server sample is skipped), keeping the maxima.
 */
final class MemorySampler implements AutoCloseable {
  private static final long HEAP_PERIOD_MS = 100;
  private static final long SERVER_EVERY = 10;

  private final boolean heap;
  private final LongSupplier server;
  private final AtomicLong maxHeap = new AtomicLong(-1);
  private final AtomicLong maxServer = new AtomicLong(-1);
  private final Thread thread;

  /** Starts sampling the heap when {@code heap}, the server when {@code server} is not null. */
  MemorySampler(boolean heap, LongSupplier server) {
    this.heap = heap;
    this.server = server;
    this.thread = new Thread(this::sample, "load-memory-sampler");
    thread.setDaemon(true);
    if (heap || server != null) {
      thread.start();
    }
  }

  private void sample() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (long tick = 0; !Thread.currentThread().isInterrupted(); tick++) {
      if (heap) {
        maxHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      }
      if (server != null && tick % SERVER_EVERY == 0) {
        try {
          maxServer.accumulateAndGet(server.getAsLong(), Math::max);
        } catch (RuntimeException e) {
          // a sample lost (the process reading failed once); the next may succeed
        }
      }
      try {
        Thread.sleep(HEAP_PERIOD_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  OptionalLong maxHeap() {
    return maxHeap.get() < 0 ? OptionalLong.empty() : OptionalLong.of(maxHeap.get());
  }

  OptionalLong maxServer() {
    return maxServer.get() < 0 ? OptionalLong.empty() : OptionalLong.of(maxServer.get());
  }

  /** Stops sampling, after one last sample of each. */
  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join();
    if (heap) {
      maxHeap.accumulateAndGet(
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
    }
    if (server != null) {
      try {
        maxServer.accumulateAndGet(server.getAsLong(), Math::max);
      } catch (RuntimeException e) {
        // keep what was sampled
      }
    }
  }
}
