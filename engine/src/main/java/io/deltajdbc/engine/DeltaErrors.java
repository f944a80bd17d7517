package io.deltajdbc.engine;

import java.io.IOException;

/**
 * The engine's one error factory (after delta-kernel's EXCEPTION_PRINCIPLES): every message says
 * what went wrong, where (table, version, file), and what the user can do about it. I/O failures
 * are wrapped with their cause, never disguised.
 */
public final class DeltaErrors {
  private static final long NO_VERSION = -1;

  private DeltaErrors() {}

  // ---- Table discovery and versions ------------------------------------------------------------

  public static DeltaException tableNotFound(String tablePath) {
    return new DeltaException(
        ErrorCode.TABLE_NOT_FOUND,
        "No Delta table at "
            + tablePath
            + ": there is no _delta_log directory with commits. "
            + "Check the path, or create the table first.",
        tablePath,
        NO_VERSION,
        null);
  }

  public static DeltaException versionOutOfRange(
      String tablePath, long requested, long earliest, long latest) {
    return new DeltaException(
        ErrorCode.VERSION_OUT_OF_RANGE,
        "Version "
            + requested
            + " of table "
            + tablePath
            + " cannot be read: the readable versions are "
            + earliest
            + " to "
            + latest
            + (requested < earliest && earliest > 0
                ? " (older log files were cleaned up by log retention)"
                : "")
            + ".",
        tablePath,
        requested,
        null);
  }

  public static DeltaException timestampBeforeFirstCommit(
      String tablePath, String requested, String earliest, long earliestVersion) {
    return new DeltaException(
        ErrorCode.TIMESTAMP_OUT_OF_RANGE,
        "Timestamp "
            + requested
            + " is before the earliest available commit of table "
            + tablePath
            + " (version "
            + earliestVersion
            + " at "
            + earliest
            + "). Use a timestamp at or after "
            + earliest
            + ".",
        tablePath,
        earliestVersion,
        null);
  }

  public static DeltaException timestampAfterLatestCommit(
      String tablePath, String requested, String latest, long latestVersion) {
    return new DeltaException(
        ErrorCode.TIMESTAMP_OUT_OF_RANGE,
        "Timestamp "
            + requested
            + " is after the latest commit of table "
            + tablePath
            + " (version "
            + latestVersion
            + " at "
            + latest
            + "). Use a timestamp at or before "
            + latest
            + ".",
        tablePath,
        latestVersion,
        null);
  }

  // ---- Protocol and features -------------------------------------------------------------------

  public static DeltaException unsupportedReaderVersion(
      String tablePath, long version, int readerVersion) {
    return new DeltaException(
        ErrorCode.UNSUPPORTED_TABLE_FEATURE,
        "Table "
            + tablePath
            + " at version "
            + version
            + " requires reader protocol version "
            + readerVersion
            + ", but this driver reads versions 1 to 3. Upgrade delta-jdbc.",
        tablePath,
        version,
        null);
  }

  public static DeltaException unsupportedReaderFeatures(
      String tablePath, long version, java.util.Collection<String> features) {
    return new DeltaException(
        ErrorCode.UNSUPPORTED_TABLE_FEATURE,
        "Table "
            + tablePath
            + " at version "
            + version
            + " uses the reader feature(s) "
            + String.join(", ", features)
            + ", which this driver does not support, so it cannot be read "
            + "correctly. Upgrade delta-jdbc, or read the table with an engine that supports them.",
        tablePath,
        version,
        null);
  }

  public static DeltaException catalogManaged(String tablePath, long version) {
    return new DeltaException(
        ErrorCode.CATALOG_MANAGED_TABLE,
        "Table "
            + tablePath
            + " is catalog-managed (table feature catalogManaged, version "
            + version
            + "): its latest commits are known only to its catalog, so reading or writing it by path "
            + "could miss or corrupt data. Access it through its catalog.",
        tablePath,
        version,
        null);
  }

  // ---- Log and checkpoint integrity ------------------------------------------------------------

  public static DeltaException corruptLog(String tablePath, long version, String detail) {
    return new DeltaException(
        ErrorCode.CORRUPT_LOG,
        "The transaction log of table "
            + tablePath
            + " is not valid at version "
            + version
            + ": "
            + detail,
        tablePath,
        version,
        null);
  }

  public static DeltaException corruptLog(
      String tablePath, long version, String detail, Throwable cause) {
    return new DeltaException(
        ErrorCode.CORRUPT_LOG,
        "The transaction log of table "
            + tablePath
            + " is not valid at version "
            + version
            + ": "
            + detail,
        tablePath,
        version,
        cause);
  }

  /**
   * A commit file that is empty or cut short. Reading it as an empty commit would drop that
   * version's changes without a trace, so reads and writes at or after it stop here.
   */
  public static DeltaException corruptCommit(
      String tablePath, long version, String file, String detail, Throwable cause) {
    return corruptLog(
        tablePath,
        version,
        "commit file "
            + file
            + " "
            + detail
            + ". A commit holds at least one "
            + "complete action per line, so this version cannot be read, and nothing is written on top of it. Restore "
            + "the file from a backup or from the writer that made it; versions before "
            + version
            + " stay readable by time travel.",
        cause);
  }

  public static DeltaException versionGap(String tablePath, long expected, long found) {
    return corruptLog(
        tablePath,
        expected,
        "commit file for version "
            + expected
            + " is missing (the next one found is version "
            + found
            + "). The log must be contiguous; restore the missing commit file.");
  }

  // ---- Data files ------------------------------------------------------------------------------

  public static DeltaException corruptData(
      String tablePath, String file, String detail, Throwable cause) {
    return new DeltaException(
        ErrorCode.CORRUPT_DATA,
        "Cannot read " + file + " of table " + tablePath + ": " + detail,
        tablePath,
        NO_VERSION,
        cause);
  }

  public static DeltaException dataFileNotFound(String tablePath, long version, String file) {
    return new DeltaException(
        ErrorCode.CORRUPT_DATA,
        "Data file "
            + file
            + " of table "
            + tablePath
            + " (version "
            + version
            + ") does not exist. It may have been removed by VACUUM while still referenced, "
            + "or the table was copied without it.",
        tablePath,
        version,
        null);
  }

  // ---- Caller errors ---------------------------------------------------------------------------

  public static DeltaException columnNotFound(
      String tablePath, String column, java.util.List<String> available) {
    return new DeltaException(
        ErrorCode.COLUMN_NOT_FOUND,
        "Column "
            + column
            + " does not exist in table "
            + tablePath
            + "; its columns are "
            + String.join(", ", available)
            + ".",
        tablePath,
        NO_VERSION,
        null);
  }

  public static DeltaException invalidArgument(String message) {
    return new DeltaException(ErrorCode.INVALID_ARGUMENT, message, null, NO_VERSION, null);
  }

  // ---- Storage ---------------------------------------------------------------------------------

  public static DeltaException storage(String what, String path, IOException cause) {
    return new DeltaException(
        ErrorCode.STORAGE_ERROR,
        "I/O error while " + what + " " + path + ": " + cause.getMessage(),
        path,
        NO_VERSION,
        cause);
  }

  // ---- Writes ----------------------------------------------------------------------------------

  public static DeltaException notNullViolation(String tablePath, String column) {
    return new DeltaException(
        ErrorCode.CONSTRAINT_VIOLATION,
        "NOT NULL constraint violated for column "
            + column
            + " of table "
            + tablePath
            + ": a row has no value for it. Nothing was written.",
        tablePath,
        NO_VERSION,
        null);
  }

  public static DeltaException valueDoesNotFit(
      String tablePath, String column, Object value, Object type) {
    return new DeltaException(
        ErrorCode.INVALID_ARGUMENT,
        "Value "
            + value
            + " ("
            + (value == null ? "null" : value.getClass().getSimpleName())
            + ") cannot be stored in "
            + "column "
            + column
            + " of type "
            + type
            + " in table "
            + tablePath
            + ".",
        tablePath,
        NO_VERSION,
        null);
  }

  /**
   * A value of the right kind that is beyond its column's range: a number too large for its type
   * (22003), a date or timestamp beyond what Delta stores (22008).
   */
  public static DeltaException valueOutOfRange(
      String tablePath, String column, Object value, Object type, boolean datetime) {
    return new DeltaException(
        datetime ? ErrorCode.DATETIME_VALUE_OUT_OF_RANGE : ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
        "Value "
            + value
            + " is out of the range of column "
            + column
            + " (type "
            + type
            + ") in table "
            + tablePath
            + (datetime
                ? ": Delta stores dates as days and timestamps as microseconds since 1970-01-01 (about "
                    + "290,000 years either side)."
                : "; store it in a wider type, e.g. a DECIMAL of more digits.")
            + " Nothing was written.",
        tablePath,
        NO_VERSION,
        null);
  }

  public static DeltaException unsupportedWrite(String tablePath, long version, String what) {
    return new DeltaException(
        ErrorCode.UNSUPPORTED_TABLE_FEATURE,
        "Table "
            + tablePath
            + " (version "
            + version
            + ") cannot be written by this engine: "
            + what
            + " Read access is unaffected.",
        tablePath,
        version,
        null);
  }

  public static DeltaException tableAlreadyExists(String tablePath, long version) {
    return new DeltaException(
        ErrorCode.TABLE_ALREADY_EXISTS,
        "Table " + tablePath + " already exists (version " + version + "); nothing was created.",
        tablePath,
        version,
        null);
  }

  public static DeltaException invalidTableProperty(String key, String value, String why) {
    return new DeltaException(
        ErrorCode.INVALID_ARGUMENT,
        "Table property "
            + key
            + (value == null ? "" : " = '" + value + "'")
            + " is not valid: "
            + why,
        null,
        NO_VERSION,
        null);
  }

  public static DeltaException tooManyCommitAttempts(String tablePath, long version, int attempts) {
    return new DeltaException(
        ErrorCode.CONCURRENT_MODIFICATION,
        "Gave up committing to table "
            + tablePath
            + " after "
            + attempts
            + " attempts (last tried version "
            + version
            + "): other writers keep winning. Nothing was committed.",
        tablePath,
        version,
        null);
  }

  public static DeltaException appendOnly(String tablePath, long version) {
    return new DeltaException(
        ErrorCode.CONSTRAINT_VIOLATION,
        "Table "
            + tablePath
            + " is append-only (delta.appendOnly = true): rows cannot be deleted or updated. "
            + "Nothing was committed.",
        tablePath,
        version,
        null);
  }

  public static DeltaException unsafeConcurrentWriters(
      String tablePath, String scheme, String key) {
    return new DeltaException(
        ErrorCode.UNSUPPORTED_TABLE_FEATURE,
        "Refusing to commit to table "
            + tablePath
            + ": the Hadoop client for '"
            + scheme
            + "' has no atomic "
            + "put-if-absent, so two processes committing at the same time could overwrite each other's commit "
            + "and lose data. If this process is the only writer of the table, set "
            + key
            + "=true.",
        tablePath,
        NO_VERSION,
        null);
  }

  // ---- Names and locations in a warehouse ------------------------------------------------------

  /**
   * A table or schema name that is not a plain name. {@code kind} is "table" or "schema"; the name
   * is shown with control characters escaped, so that the message itself stays printable.
   */
  public static DeltaException invalidName(String kind, String name, String why) {
    return new DeltaException(
        ErrorCode.INVALID_NAME,
        "The "
            + kind
            + " name '"
            + printable(name)
            + "' is not allowed: "
            + why
            + ". A "
            + kind
            + " name is one plain "
            + "name inside the warehouse, never a path or URI: no '/', '\\', ':', control characters, not '.' or "
            + "'..'; a new table's name also has no '@' and does not start with '_' or '.'. Nothing was read or written.",
        null,
        NO_VERSION,
        null);
  }

  public static DeltaException outsideWarehouse(String name, String location, String warehouse) {
    return new DeltaException(
        ErrorCode.LOCATION_NOT_PERMITTED,
        "'"
            + printable(name)
            + "' resolves to "
            + location
            + ", which is outside the warehouse "
            + warehouse
            + " (through a symbolic link or a path that leaves it). Statements only reach tables inside the "
            + "warehouse; nothing was read or written.",
        null,
        NO_VERSION,
        null);
  }

  public static DeltaException dropSymlink(String tablePath, String link) {
    return new DeltaException(
        ErrorCode.LOCATION_NOT_PERMITTED,
        "DROP TABLE "
            + tablePath
            + " refused: "
            + link
            + " is a symbolic link, and DROP TABLE never follows one "
            + "(it would delete the files of wherever the link points). Remove the link itself with your file "
            + "system's tools. Nothing was deleted.",
        tablePath,
        NO_VERSION,
        null);
  }

  public static DeltaException locationNotEmpty(String tablePath, String location, String found) {
    return new DeltaException(
        ErrorCode.LOCATION_NOT_EMPTY,
        "CREATE TABLE "
            + tablePath
            + " refused: its directory "
            + location
            + " exists and holds "
            + found
            + ", not an empty Delta table. Choose another name, or move those files away. Nothing was written.",
        tablePath,
        NO_VERSION,
        null);
  }

  private static String printable(String name) {
    StringBuilder b = new StringBuilder(name.length());
    name.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.toString();
  }

  // ---- DML on the execution backend ------------------------------------------------------------

  public static DeltaException executionBackendUnavailable(String detail) {
    return new DeltaException(
        ErrorCode.EXECUTION_BACKEND_UNAVAILABLE,
        "DELETE, UPDATE and MERGE run on Apache Spark, through the backend io.deltajdbc:delta-jdbc-engine-spark, "
            + "which cannot run here ("
            + detail
            + "). Add delta-jdbc-engine-spark and "
            + "org.apache.spark:spark-sql_2.12 (3.5.x) to the class path. Queries and INSERT do not need Spark.",
        null,
        NO_VERSION,
        null);
  }

  public static DeltaException invalidDmlExpression(
      String tablePath, String what, String expression, String why, Throwable cause) {
    return new DeltaException(
        ErrorCode.INVALID_ARGUMENT,
        "The "
            + what
            + " '"
            + expression
            + "' of a statement on table "
            + tablePath
            + " cannot be evaluated: "
            + why
            + " Nothing was committed.",
        tablePath,
        NO_VERSION,
        cause);
  }

  public static DeltaException expressionRefused(
      String tablePath, String what, String expression, String why) {
    return new DeltaException(
        ErrorCode.ACCESS_RULE_VIOLATION,
        "The "
            + what
            + " '"
            + expression
            + "' on table "
            + tablePath
            + " is refused: "
            + why
            + ". Expressions may "
            + "use columns, literals, operators and the built-in string, number, date, conditional and collection "
            + "functions; no subqueries, no functions that reach the JVM, files or the network. Nothing was committed.",
        tablePath,
        NO_VERSION,
        null);
  }

  public static DeltaException sparkSettingRefused(String key) {
    return new DeltaException(
        ErrorCode.ACCESS_RULE_VIOLATION,
        "The Spark setting "
            + key
            + " cannot come from a connection property: a connection may choose only "
            + "where DML runs and with which resources (spark.master, spark.driver.host/bindAddress/port, "
            + "spark.executor.memory/cores/instances, spark.cores.max, spark.memory.*, spark.dynamicAllocation.*, "
            + "spark.sql.shuffle.partitions, ...). Settings that load code, touch files or ports, or change how SQL "
            + "is read belong to the application: set them as a JVM system property (-D"
            + key
            + "=...) before the "
            + "first DML statement, or start your own SparkSession.",
        null,
        NO_VERSION,
        null);
  }

  public static DeltaException executionFailed(
      String tablePath, long version, String statement, Throwable cause) {
    return new DeltaException(
        ErrorCode.EXECUTION_FAILED,
        statement
            + " on table "
            + tablePath
            + " failed while running on Spark: "
            + rootMessage(cause)
            + " Nothing was committed; the table is unchanged at version "
            + version
            + ".",
        tablePath,
        version,
        cause);
  }

  public static DeltaException checkConstraintViolation(
      String tablePath, String name, String expression, String values) {
    return new DeltaException(
        ErrorCode.CONSTRAINT_VIOLATION,
        "CHECK constraint "
            + name
            + " ("
            + expression
            + ") of table "
            + tablePath
            + " is violated by a row with values "
            + values
            + ". Nothing was written.",
        tablePath,
        NO_VERSION,
        null);
  }

  public static DeltaException mergeCardinality(String tablePath, long version) {
    return new DeltaException(
        ErrorCode.MERGE_CARDINALITY_VIOLATION,
        "MERGE into table "
            + tablePath
            + " failed: a target row matched more than one source row, so it is "
            + "ambiguous how to update or delete it (Delta's DELTA_MULTIPLE_SOURCE_ROW_MATCHING_TARGET_ROW_IN_MERGE). "
            + "Make the ON condition match at most one source row per target row, e.g. by deduplicating the source. "
            + "Nothing was committed.",
        tablePath,
        version,
        null);
  }

  /**
   * An expression of a statement failed on a row's values: division by zero, a bad cast, an
   * overflow.
   */
  public static DeltaException expressionFailed(
      String table, String what, String expression, RuntimeException cause) {
    ErrorCode code =
        cause instanceof ArithmeticException a && String.valueOf(a.getMessage()).contains("zero")
            ? ErrorCode.DIVISION_BY_ZERO
            : cause instanceof NumberFormatException || cause instanceof java.time.DateTimeException
                ? ErrorCode.INVALID_CAST
                : ErrorCode.DATA_EXCEPTION;
    return new DeltaException(
        code,
        "The "
            + what
            + " '"
            + expression
            + "' of a statement on table "
            + table
            + " failed on a row: "
            + rootMessage(cause)
            + " Nothing was committed.",
        table,
        NO_VERSION,
        cause);
  }

  public static DeltaException expressionTooComplex(
      String table, String expression, Throwable cause) {
    return new DeltaException(
        ErrorCode.STATEMENT_TOO_COMPLEX,
        "The expression '"
            + abbreviate(expression)
            + "' of a statement on table "
            + table
            + " is too large to compile ("
            + rootMessage(cause)
            + "). Split the statement or simplify the expression.",
        table,
        NO_VERSION,
        cause);
  }

  public static DeltaException correlatedSubquery(String table, String subquery, Throwable cause) {
    return new DeltaException(
        ErrorCode.UNSUPPORTED_SQL,
        "The subquery ("
            + abbreviate(subquery)
            + ") of a statement on table "
            + table
            + " cannot be evaluated on its own ("
            + rootMessage(cause)
            + "). Subqueries in UPDATE, DELETE and MERGE must not refer to the statement's tables (no correlated "
            + "subqueries) and take no parameters; use MERGE with the subquery as its source instead.",
        table,
        NO_VERSION,
        cause);
  }

  public static DeltaException subqueryCardinality(String table, String subquery) {
    return new DeltaException(
        ErrorCode.CARDINALITY_VIOLATION,
        "The scalar subquery ("
            + abbreviate(subquery)
            + ") of a statement on table "
            + table
            + " returned more than one row. Nothing was committed.",
        table,
        NO_VERSION,
        null);
  }

  public static DeltaException subqueryTooLarge(String table, String subquery, int limit) {
    return new DeltaException(
        ErrorCode.STATEMENT_TOO_COMPLEX,
        "The subquery ("
            + abbreviate(subquery)
            + ") of a statement on table "
            + table
            + " returned more than "
            + limit
            + " rows, the most an IN (SELECT ...)"
            + " of UPDATE, DELETE or MERGE takes. Use MERGE with the subquery as its source instead.",
        table,
        NO_VERSION,
        null);
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }

  public static DeltaException unsupportedDml(String tablePath, long version, String what) {
    return new DeltaException(
        ErrorCode.UNSUPPORTED_TABLE_FEATURE,
        "This statement cannot run on table "
            + tablePath
            + " (version "
            + version
            + "): "
            + what
            + " Nothing was committed.",
        tablePath,
        version,
        null);
  }

  // ---- Resources -------------------------------------------------------------------------------

  /**
   * The thread running a statement was interrupted (Statement.cancel, query timeout) while {@code
   * what}.
   */
  public static DeltaException canceled(String what, String tablePath) {
    return new DeltaException(
        ErrorCode.STATEMENT_CANCELED,
        "Statement canceled while " + what + " " + tablePath + ".",
        tablePath,
        NO_VERSION,
        null);
  }

  /** The statement over {@code tables} filled the JVM's memory; {@code detail} says where. */
  public static DeltaException outOfMemory(String tables, String detail, Throwable cause) {
    return new DeltaException(
        ErrorCode.OUT_OF_MEMORY,
        "Out of memory: the statement over "
            + tables
            + " needs more memory than the JVM has ("
            + detail
            + "). "
            + "Add a LIMIT (ORDER BY ... LIMIT keeps only the rows it returns) or filters, aggregate fewer groups, "
            + "or give the JVM more heap (-Xmx).",
        tables,
        NO_VERSION,
        cause);
  }

  /**
   * A statement on a table wider than the evaluator can compile; {@code how} says what works
   * instead.
   */
  public static DeltaException tooManyColumns(
      String tablePath, int columns, int limit, String how) {
    return new DeltaException(
        ErrorCode.TOO_MANY_COLUMNS,
        "Too many columns: table "
            + tablePath
            + " has "
            + columns
            + " columns, more than the "
            + limit
            + " this statement can evaluate. "
            + how,
        tablePath,
        NO_VERSION,
        null);
  }

  // ---- Table utilities ---------------------------------------------------------------------

  /**
   * VACUUM with a retention below the table's, refused with delta-spark's explanation (its {@code
   * VacuumCommand.checkRetentionPeriodSafety}); {@code minimumHours} is the table's retention in
   * hours, rounded up.
   */
  public static DeltaException vacuumRetentionTooShort(
      String tablePath, long version, long requestedHours, long minimumHours) {
    return new DeltaException(
        ErrorCode.RETENTION_TOO_SHORT,
        "VACUUM of table "
            + tablePath
            + " (version "
            + version
            + ") with a retention of "
            + requestedHours
            + " hours was refused: are you sure you would like to vacuum files with such a low "
            + "retention period? If you have writers that are currently writing to this table, "
            + "there is a risk that you may corrupt the state of your Delta table. If you are "
            + "certain that there are no operations being performed on this table, such as "
            + "insert/upsert/delete/optimize, then you may turn off this check by setting "
            + EngineConfig.VACUUM_RETENTION_CHECK
            + " = false (delta-spark: spark.databricks.delta.retentionDurationCheck.enabled = "
            + "false). If you are not sure, please use a value not less than \""
            + minimumHours
            + " hours\". Nothing was deleted.",
        tablePath,
        version,
        null);
  }

  /** RESTORE to a version or timestamp that the table does not have. */
  public static DeltaException restoreTargetNotFound(String tablePath, String detail) {
    return new DeltaException(
        ErrorCode.VERSION_OUT_OF_RANGE,
        "Cannot restore table " + tablePath + ": " + detail + " Nothing was changed.",
        tablePath,
        NO_VERSION,
        null);
  }

  /**
   * RESTORE needs files of the target version that are gone: delta-spark's {@code
   * RESTORE_MISSED_DATA_FILES} check.
   */
  public static DeltaException restoreFilesMissing(
      String tablePath, long targetVersion, java.util.List<String> missing, int total) {
    return new DeltaException(
        ErrorCode.RESTORE_FILE_MISSING,
        "Cannot restore table "
            + tablePath
            + " to version "
            + targetVersion
            + ": "
            + total
            + " file(s) of that version no longer exist (deleted by VACUUM?), e.g. "
            + String.join(", ", missing)
            + ". Restore a newer version, whose files are still there. Nothing was changed.",
        tablePath,
        targetVersion,
        null);
  }

  /** CONVERT TO DELTA of a folder that is not a Parquet table; {@code why} names the file. */
  public static DeltaException notAParquetTable(String path, String why, Throwable cause) {
    return new DeltaException(
        ErrorCode.NOT_A_PARQUET_TABLE,
        "Cannot convert " + path + " to a Delta table: " + why + " Nothing was written.",
        path,
        NO_VERSION,
        cause);
  }

  /** CONVERT TO DELTA found a partition value that is not of its declared type. */
  public static DeltaException partitionValueNotOfType(
      String path, String file, String column, String value, String type) {
    return new DeltaException(
        ErrorCode.INVALID_CAST,
        "Cannot convert "
            + path
            + " to a Delta table: the partition value '"
            + value
            + "' of column "
            + column
            + " (in "
            + file
            + ") is not a "
            + type
            + ". Declare the column with a type its values have. Nothing was written.",
        path,
        NO_VERSION,
        null);
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage();
    return (m == null ? root.getClass().getSimpleName() : m).trim();
  }

  // ---- Change data feed ------------------------------------------------------------------------

  public static DeltaException changeDataNotRecorded(
      String tablePath, long version, long start, long end) {
    return new DeltaException(
        ErrorCode.CHANGE_DATA_NOT_RECORDED,
        "Cannot read the changes of table "
            + tablePath
            + " from version "
            + start
            + " to "
            + end
            + ": change data was not recorded for version "
            + version
            + ". DESCRIBE HISTORY shows when the change data feed was enabled; to record changes,"
            + " set the table property delta.enableChangeDataFeed = true.",
        tablePath,
        version,
        null);
  }

  public static DeltaException changeRangeEndBeforeStart(String tablePath, long start, long end) {
    return new DeltaException(
        ErrorCode.INVALID_CHANGE_RANGE,
        "The change range of table "
            + tablePath
            + " from version "
            + start
            + " to version "
            + end
            + " is invalid: the end cannot be before the start.",
        tablePath,
        start,
        null);
  }

  public static DeltaException changeStartAfterLatest(String tablePath, long start, long latest) {
    return new DeltaException(
        ErrorCode.VERSION_OUT_OF_RANGE,
        "The changes of table "
            + tablePath
            + " cannot start at version "
            + start
            + ": it is after the latest version, "
            + latest
            + ". Start at version "
            + latest
            + " or before.",
        tablePath,
        start,
        null);
  }
}
