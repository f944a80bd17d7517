package io.deltajdbc.engine.actions;

import static java.util.Objects.requireNonNull;

/**
 * The identity of a logical file in action reconciliation (protocol: "Action Reconciliation"): the
 * path together with the deletion vector's unique id (null when there is none).
 */
public record FileKey(String path, String deletionVectorId) {
  public FileKey {
    requireNonNull(path, "path");
  }
}
