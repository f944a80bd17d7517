package io.deltajdbc.engine.internal.log;

import io.deltajdbc.engine.DeltaErrors;
import io.deltajdbc.engine.actions.Action;
import io.deltajdbc.engine.actions.ActionJson;
import java.util.ArrayList;
import java.util.List;

/**
 * The actions of one commit file ({@code NNN.json}, protocol section "Delta Log Entries"), refusing
 * a file that cannot be a whole commit. Every reader of commits (replay, metadata, timestamps, the
 * conflict check) goes through here, so a damaged version is never taken for an empty one: a writer
 * would otherwise commit, and checkpoint, on top of a version that lost its rows.
 *
 * <p>A commit is damaged when it has no line at all (0 bytes or only whitespace) or a line that is
 * not a complete JSON action. A last line without a newline is fine when it parses: delta-spark and
 * delta-rs may write one; a last line cut in the middle never parses as a JSON object.
 */
public final class CommitFile {
  private CommitFile() {}

  /** The actions of {@code lines}, the content of {@code file} (version {@code version}). */
  public static List<Action> parse(
      String tableName, long version, String file, List<String> lines) {
    List<Action> actions = new ArrayList<>();
    int last = lines.size() - 1;
    while (last >= 0 && lines.get(last).isBlank()) {
      last--;
    }
    if (last < 0) {
      throw DeltaErrors.corruptCommit(
          tableName,
          version,
          file,
          lines.isEmpty() ? "is empty (0 bytes)" : "holds only whitespace",
          null);
    }
    for (int i = 0; i <= last; i++) {
      Action a;
      try {
        a = ActionJson.parse(lines.get(i));
      } catch (IllegalArgumentException e) {
        throw DeltaErrors.corruptCommit(
            tableName,
            version,
            file,
            i == last
                ? "ends in an incomplete line "
                    + (i + 1)
                    + " ("
                    + e.getMessage()
                    + "); the file was cut short"
                : "has an invalid line " + (i + 1) + " (" + e.getMessage() + ")",
            e);
      }
      if (a != null) {
        actions.add(a);
      }
    }
    return actions;
  }
}
