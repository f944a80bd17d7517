package io.deltajdbc.calcite.internal;

import io.deltajdbc.engine.DeltaErrors;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Fails a statement early when the JVM's heap is nearly full of live data, before it thrashes in
 * garbage collection for minutes and ends in an {@link OutOfMemoryError}. Calcite holds a sort's or
 * a hash aggregate's rows in memory and its operators cannot count them, so the scan that feeds
 * them asks here every 1024 rows: after a collection the long-lived heap pool (G1's old generation,
 * the tenured space) still above {@value #FULL_PERCENT}% of its maximum means the statement's rows
 * do not fit. One full collection confirms it before a statement is failed, so garbage a failed
 * statement left behind does not fail the next one.
 */
public final class MemoryGuard {
  static final int FULL_PERCENT = 90;
  private static final List<MemoryPoolMXBean> POOLS = watchedPools();

  private MemoryGuard() {}

  /**
   * Throws OUT_OF_MEMORY (53200) naming {@code table} when the heap is nearly full after a
   * collection.
   */
  public static void check(String table) {
    for (MemoryPoolMXBean pool : POOLS) {
      if (pool.isCollectionUsageThresholdExceeded()) {
        System
            .gc(); // confirm with a full collection: only ever when the pool was found nearly full
        long used = pool.getUsage().getUsed();
        long max = pool.getUsage().getMax();
        if (used > pool.getCollectionUsageThreshold()) {
          throw DeltaErrors.outOfMemory(
              "table " + table,
              pool.getName()
                  + " "
                  + used / (1 << 20)
                  + " of "
                  + max / (1 << 20)
                  + " MB in use after garbage collection",
              null);
        }
      }
    }
  }

  private static List<MemoryPoolMXBean> watchedPools() {
    List<MemoryPoolMXBean> pools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(
                p ->
                    p.getType() == MemoryType.HEAP
                        && p.isCollectionUsageThresholdSupported()
                        && p.getUsage().getMax() > 0
                        && isLongLived(p.getName()))
            .toList();
    for (MemoryPoolMXBean p : pools) {
      p.setCollectionUsageThreshold(p.getUsage().getMax() / 100 * FULL_PERCENT);
    }
    return pools;
  }

  private static boolean isLongLived(String name) {
    return name.contains("Old") || name.contains("Tenured");
  }
}
