package io.deltajdbc.tools.bench;

import java.util.List;
import java.util.Locale;

/**
 * How large the data sets are and how often each measurement is repeated.
 *
 * @param lineitemRows sizes of the TPC-H-like {@code lineitem} table, each written partitioned and
 *     not
 * @param tpchScaleFactors scale factors of the TPC-H tables (1 is 6,001,215 {@code lineitem} rows)
 * @param warmQueriesUpToRows the largest {@code lineitem} on which queries are also timed on a warm
 *     connection
 * @param logCommits commits of the long-log table
 * @param filesPerCommit files each of those commits adds (one per partition)
 * @param checkpointInterval the long-log table's {@code delta.checkpointInterval}
 * @param catalogTables tables of the wide catalog
 * @param insertRows rows of the {@code executeBatch} INSERT
 * @param dmlTableRows rows of the table that UPDATE and MERGE change
 * @param commitsPerWriter blind appends each writer makes in the commit workload
 * @param writers concurrent writers in the commit workload
 * @param warmups untimed rounds before the measured ones
 * @param runs measured rounds; the report gives their median
 */
public record Scale(
    String name,
    List<Long> lineitemRows,
    List<Double> tpchScaleFactors,
    long warmQueriesUpToRows,
    int logCommits,
    int filesPerCommit,
    int checkpointInterval,
    int catalogTables,
    int insertRows,
    long dmlTableRows,
    int commitsPerWriter,
    int writers,
    int warmups,
    int runs) {

  public Scale {
    lineitemRows = List.copyOf(lineitemRows);
    tpchScaleFactors = List.copyOf(tpchScaleFactors);
    if (runs < 1 || warmups < 0) {
      throw new IllegalArgumentException("runs must be at least 1 and warm-ups at least 0");
    }
  }

  /**
   * {@code smoke} (seconds, for the test that the harness starts), {@code quick} (minutes) or
   * {@code full}.
   */
  public static Scale named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "smoke" ->
          new Scale(
              "smoke",
              List.of(20_000L),
              List.of(0.001),
              20_000L,
              25,
              4,
              10,
              12,
              2_000,
              20_000,
              3,
              4,
              0,
              1);
      case "quick" ->
          new Scale(
              "quick",
              List.of(600_000L),
              List.of(0.01),
              600_000L,
              1_000,
              10,
              10,
              100,
              100_000,
              1_000_000,
              20,
              4,
              1,
              3);
      case "full" ->
          new Scale(
              "full",
              List.of(6_000_000L, 60_000_000L),
              List.of(0.01, 1.0),
              60_000_000L,
              10_000,
              10,
              10,
              1_000,
              1_000_000,
              10_000_000,
              40,
              4,
              1,
              3);
      default ->
          throw new IllegalArgumentException("Unknown size " + name + ": use smoke, quick or full");
    };
  }

  /** The same, with TPC-H at other scale factors. */
  public Scale withTpchScaleFactors(List<Double> factors) {
    return new Scale(
        name,
        lineitemRows,
        factors,
        warmQueriesUpToRows,
        logCommits,
        filesPerCommit,
        checkpointInterval,
        catalogTables,
        insertRows,
        dmlTableRows,
        commitsPerWriter,
        writers,
        warmups,
        runs);
  }

  /** The same sizes, repeated differently. */
  public Scale withRounds(int newWarmups, int newRuns) {
    return new Scale(
        name,
        lineitemRows,
        tpchScaleFactors,
        warmQueriesUpToRows,
        logCommits,
        filesPerCommit,
        checkpointInterval,
        catalogTables,
        insertRows,
        dmlTableRows,
        commitsPerWriter,
        writers,
        newWarmups,
        newRuns);
  }
}
