package io.deltajdbc.engine.internal.changes;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.changes.ChangeBound;
import io.deltajdbc.engine.changes.ChangeRange;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;

/**
 * A {@link ChangeRange} resolved to versions with delta-spark's rules ({@code
 * CDCReader.getCDCRelation}): a start time maps to the first commit at or after it (the first
 * commit when earlier; after the latest commit is an error), an end time to the last commit at or
 * before it (outside the commits is an error); a start after the latest version is an error, an end
 * before the start too, except that two times between the same two commits read nothing.
 *
 * @param empty true when the range holds no version (two times between the same two commits)
 */
record ChangeVersions(long start, long end, boolean empty) {

  static ChangeVersions resolve(
      String table, ChangeRange range, long latest, NavigableMap<Long, Long> commitTimes) {
    long start = startVersion(table, range.start(), commitTimes);
    Long end = range.end() == null ? null : endVersion(table, range.end(), commitTimes);
    if (start > latest) {
      throw DeltaErrors.changeStartAfterLatest(table, start, latest);
    }
    if (end == null) {
      return new ChangeVersions(start, latest, false);
    }
    if (range.start() instanceof ChangeBound.Timestamp s
        && range.end() instanceof ChangeBound.Timestamp e) {
      if (s.timestamp().isAfter(e.timestamp())) {
        throw DeltaErrors.changeRangeEndBeforeStart(table, start, end);
      }
      if (end == start - 1) {
        return new ChangeVersions(start, end, true);
      }
    }
    if (end < start) {
      throw DeltaErrors.changeRangeEndBeforeStart(table, start, end);
    }
    return new ChangeVersions(start, Math.min(end, latest), false);
  }

  private static long startVersion(
      String table, ChangeBound bound, NavigableMap<Long, Long> commitTimes) {
    if (bound instanceof ChangeBound.Version v) {
      return v.version();
    }
    Instant ts = ((ChangeBound.Timestamp) bound).timestamp();
    long requested = ts.toEpochMilli();
    for (Map.Entry<Long, Long> c : commitTimes.entrySet()) {
      if (c.getValue() >= requested) {
        return c.getKey();
      }
    }
    Map.Entry<Long, Long> last = commitTimes.lastEntry();
    throw DeltaErrors.timestampAfterLatestCommit(
        table, ts.toString(), Instant.ofEpochMilli(last.getValue()).toString(), last.getKey());
  }

  private static long endVersion(
      String table, ChangeBound bound, NavigableMap<Long, Long> commitTimes) {
    if (bound instanceof ChangeBound.Version v) {
      return v.version();
    }
    Instant ts = ((ChangeBound.Timestamp) bound).timestamp();
    long requested = ts.toEpochMilli();
    Map.Entry<Long, Long> first = commitTimes.firstEntry();
    Map.Entry<Long, Long> last = commitTimes.lastEntry();
    if (requested < first.getValue()) {
      throw DeltaErrors.timestampBeforeFirstCommit(
          table, ts.toString(), Instant.ofEpochMilli(first.getValue()).toString(), first.getKey());
    }
    if (requested > last.getValue()) {
      throw DeltaErrors.timestampAfterLatestCommit(
          table, ts.toString(), Instant.ofEpochMilli(last.getValue()).toString(), last.getKey());
    }
    long version = first.getKey();
    for (Map.Entry<Long, Long> c : commitTimes.entrySet()) {
      if (c.getValue() <= requested) {
        version = c.getKey();
      } else {
        break;
      }
    }
    return version;
  }
}
