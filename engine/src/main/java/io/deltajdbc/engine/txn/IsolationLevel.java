package io.deltajdbc.engine.txn;

/** Delta's isolation levels for writes (delta-io/delta {@code isolationLevels.scala}). */
public enum IsolationLevel {
  /** Reads and writes serializable: a concurrent blind append also conflicts with what we read. */
  SERIALIZABLE("Serializable"),
  /** The default: writes serializable; concurrent blind appends do not conflict with our reads. */
  WRITE_SERIALIZABLE("WriteSerializable");

  private final String logName;

  IsolationLevel(String logName) {
    this.logName = logName;
  }

  /** The name written to {@code commitInfo.isolationLevel}. */
  public String logName() {
    return logName;
  }
}
