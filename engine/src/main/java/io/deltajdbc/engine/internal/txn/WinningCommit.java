package io.deltajdbc.engine.internal.txn;

import io.deltajdbc.engine.actions.Action;
import io.deltajdbc.engine.actions.AddFile;
import io.deltajdbc.engine.actions.CommitInfo;
import io.deltajdbc.engine.actions.DomainMetadata;
import io.deltajdbc.engine.actions.Metadata;
import io.deltajdbc.engine.actions.Protocol;
import io.deltajdbc.engine.actions.RemoveFile;
import io.deltajdbc.engine.actions.SetTransaction;
import java.util.ArrayList;
import java.util.List;

/** What a concurrent commit that won the race did, as the conflict rules need it. */
record WinningCommit(
    long version,
    CommitInfo commitInfo,
    Protocol protocol,
    Metadata metadata,
    List<AddFile> adds,
    List<RemoveFile> removes,
    List<SetTransaction> transactions,
    List<DomainMetadata> domains) {

  static WinningCommit of(long version, List<Action> actions) {
    CommitInfo ci = null;
    Protocol p = null;
    Metadata m = null;
    List<AddFile> adds = new ArrayList<>();
    List<RemoveFile> removes = new ArrayList<>();
    List<SetTransaction> txns = new ArrayList<>();
    List<DomainMetadata> domains = new ArrayList<>();
    for (Action a : actions) {
      if (a instanceof CommitInfo c) {
        ci = c;
      } else if (a instanceof Protocol x) {
        p = x;
      } else if (a instanceof Metadata x) {
        m = x;
      } else if (a instanceof AddFile x) {
        adds.add(x);
      } else if (a instanceof RemoveFile x) {
        removes.add(x);
      } else if (a instanceof SetTransaction x) {
        txns.add(x);
      } else if (a instanceof DomainMetadata x) {
        domains.add(x);
      }
    }
    return new WinningCommit(version, ci, p, m, adds, removes, txns, domains);
  }

  /** True when the winner declared itself a blind append (it read nothing). */
  boolean isBlindAppend() {
    return commitInfo != null && Boolean.TRUE.equals(commitInfo.values().get("isBlindAppend"));
  }

  /** The winner's in-commit timestamp, when it wrote one. */
  Long inCommitTimestamp() {
    return commitInfo == null ? null : commitInfo.inCommitTimestamp().orElse(null);
  }
}
