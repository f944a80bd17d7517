package io.deltajdbc.tools.bench.load;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the table holds after a run, compared with what the clients were told: committed INSERT ids
 * missing from the table, ids present more than once, and ids present although their INSERT failed
 * (after an expected conflict that is a lost "not committed"; after another error, such as a broken
 * connection, the outcome was unknown to the client).
 */
public record Verification(
    long committed,
    SortedSet<Long> missing,
    SortedSet<Long> duplicated,
    SortedSet<Long> failedButPresent) {
  public Verification {
    missing = unmodifiable(missing);
    duplicated = unmodifiable(duplicated);
    failedButPresent = unmodifiable(failedButPresent);
  }

  private static SortedSet<Long> unmodifiable(Set<Long> ids) {
    return Collections.unmodifiableSortedSet(new TreeSet<>(ids));
  }

  /** Every committed id present exactly once, and no failed one present. */
  public boolean ok() {
    return missing.isEmpty() && duplicated.isEmpty() && failedButPresent.isEmpty();
  }

  @Override
  public String toString() {
    return String.format(
        "%d committed INSERTs: %d missing %s, %d duplicated %s, %d failed but present %s",
        committed,
        missing.size(),
        head(missing),
        duplicated.size(),
        head(duplicated),
        failedButPresent.size(),
        head(failedButPresent));
  }

  private static String head(SortedSet<Long> ids) {
    return ids.stream().limit(10).toList().toString();
  }
}
