package io.deltajdbc.tools.bench;

import java.util.List;
import java.util.Objects;

/**
 * One workload on one data set, timed for us and for each peer in the same run.
 *
 * @param workload what was done ("TPC-H Q1", "snapshot load", ...)
 * @param dataset on what ("lineitem 6,000,000 rows, partitioned", ...)
 * @param variant how ("first query of a fresh connection", "warm", "cold", ...)
 * @param ours delta-jdbc's rounds
 * @param peers the peers' rounds
 * @param detail measured facts beside the times (rows/s, files, commits/s), may be empty
 * @param profile where the profile of our side is and what it says, or null when none was taken
 */
public record Comparison(
    String workload,
    String dataset,
    String variant,
    SideResult ours,
    List<SideResult> peers,
    String detail,
    Profile profile) {

  public Comparison {
    Objects.requireNonNull(ours, "ours");
    peers = List.copyOf(peers);
  }

  /** Our median time over the peer's: below 1 we are faster. */
  public double ratio(SideResult peer) {
    return ours.median() / peer.median();
  }

  /** True when every peer computed the same answer as we did. */
  public boolean answersAgree() {
    return peers.stream().allMatch(p -> p.answer().equals(ours.answer()));
  }

  /** True when some peer's median is lower than ours. */
  public boolean slowerThanAPeer() {
    return peers.stream().anyMatch(p -> ratio(p) > 1.0);
  }

  public Comparison withProfile(Profile p) {
    return new Comparison(workload, dataset, variant, ours, peers, detail, p);
  }

  public Comparison withDetail(String d) {
    return new Comparison(workload, dataset, variant, ours, peers, d, profile);
  }

  /** A JFR recording of our side and its hottest frames. */
  public record Profile(String file, List<String> hottestFrames) {
    public Profile {
      hottestFrames = List.copyOf(hottestFrames);
    }
  }
}
