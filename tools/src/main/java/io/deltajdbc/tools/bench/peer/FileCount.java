package io.deltajdbc.tools.bench.peer;

/** A loaded snapshot's version and number of active files, as every side reports it. */
public record FileCount(long version, long files) {
  /**
   * Constant while each commit adds one file: sides that each load after their own extra commit
   * still agree on it.
   */
  public long filesMinusVersion() {
    return files - version;
  }
}
