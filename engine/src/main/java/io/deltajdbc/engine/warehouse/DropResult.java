package io.deltajdbc.engine.warehouse;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * What DROP TABLE did at {@code root}: how many files it deleted, whether the directory itself is
 * gone, and the entries it {@code left} because the table does not own them (paths relative to
 * {@code root}, sorted; at most {@link #MAX_LISTED}, with {@code leftCount} the full number).
 */
public record DropResult(
    Path root, long deleted, boolean directoryRemoved, List<String> left, long leftCount) {
  public static final int MAX_LISTED = 20;

  public DropResult {
    requireNonNull(root, "root");
    left = List.copyOf(left);
  }

  /** A sentence for the user about what was left, or empty when nothing was. */
  public String leftMessage(String table) {
    if (leftCount == 0) {
      return "";
    }
    String more = leftCount > left.size() ? " and " + (leftCount - left.size()) + " more" : "";
    return "DROP TABLE "
        + table
        + " deleted the table's "
        + deleted
        + " file(s) but left "
        + leftCount
        + " entr"
        + (leftCount == 1 ? "y" : "ies")
        + " in "
        + root
        + " that the table does not own (not named by its "
        + "log): "
        + String.join(", ", left)
        + more
        + ". They were not deleted.";
  }
}
