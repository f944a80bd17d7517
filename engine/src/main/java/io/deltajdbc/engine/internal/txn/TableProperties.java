package io.deltajdbc.engine.internal.txn;

import io.deltajdbc.engine.DeltaErrors;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates {@code delta.*} table properties: the key must be one Delta defines (or {@code
 * delta.feature.<name>} / {@code delta.constraints.<name>}), and values of typed keys must parse.
 * Other keys are user properties and are kept as given.
 */
public final class TableProperties {
  private static final Set<String> BOOLEANS =
      Set.of(
          "appendOnly",
          "enableDeletionVectors",
          "enableChangeDataFeed",
          "enableChangeDataCapture",
          "enableExpiredLogCleanup",
          "checkpoint.writeStatsAsJson",
          "checkpoint.writeStatsAsStruct",
          "enableRowTracking",
          "enableTypeWidening",
          "enableInCommitTimestamps",
          "randomizeFilePrefixes",
          "autoOptimize.autoCompact",
          "autoOptimize.optimizeWrite",
          "enableIcebergCompatV1",
          "enableIcebergCompatV2",
          "enableVariantShredding",
          "ignoreProtocolDefaults",
          "enableFullRetentionRollback");
  private static final Set<String> INTEGERS =
      Set.of(
          "checkpointInterval",
          "dataSkippingNumIndexedCols",
          "dataSkippingStringPrefixLength",
          "minReaderVersion",
          "minWriterVersion",
          "randomPrefixLength",
          "columnMapping.maxColumnId");
  private static final Set<String> INTERVALS =
      Set.of(
          "logRetentionDuration",
          "deletedFileRetentionDuration",
          "checkpointRetentionDuration",
          "setTransactionRetentionDuration",
          "sampleRetentionDuration",
          "dropFeatureTruncateHistory.retentionDuration");
  private static final Set<String> OTHERS =
      Set.of(
          "columnMapping.mode",
          "isolationLevel",
          "checkpointPolicy",
          "dataSkippingStatsColumns",
          "universalFormat.enabledFormats",
          "parquet.format.version",
          "inCommitTimestampEnablementVersion",
          "inCommitTimestampEnablementTimestamp",
          "rowTrackingSuspended",
          "requireCheckpointProtectionBeforeVersion");
  private static final Pattern INTERVAL =
      Pattern.compile(
          "(?i)interval\\s+\\d+\\s+(nanosecond|microsecond|millisecond|second|minute|hour|day|week)s?");

  private TableProperties() {}

  static void validate(Map<String, String> properties) {
    for (Map.Entry<String, String> e : properties.entrySet()) {
      String key = e.getKey();
      if (!key.toLowerCase(Locale.ROOT).startsWith("delta.")) {
        continue;
      }
      String name = key.substring("delta.".length());
      String v = e.getValue() == null ? "" : e.getValue().trim();
      if (name.startsWith("feature.")) {
        if (!v.equalsIgnoreCase("supported") && !v.equalsIgnoreCase("enabled")) {
          throw DeltaErrors.invalidTableProperty(
              key, v, "a feature property takes the value 'supported'.");
        }
      } else if (name.startsWith("constraints.")) {
        continue;
      } else if (BOOLEANS.contains(name)) {
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
          throw DeltaErrors.invalidTableProperty(key, v, "it takes true or false.");
        }
      } else if (INTEGERS.contains(name)) {
        try {
          Integer.parseInt(v);
        } catch (NumberFormatException ex) {
          throw DeltaErrors.invalidTableProperty(key, v, "it takes an integer.");
        }
        if (name.equals("checkpointInterval") && Integer.parseInt(v) <= 0) {
          throw DeltaErrors.invalidTableProperty(key, v, "the interval must be positive.");
        }
      } else if (INTERVALS.contains(name)) {
        if (!INTERVAL.matcher(v).matches()) {
          throw DeltaErrors.invalidTableProperty(
              key, v, "it takes an interval such as 'interval 30 days'.");
        }
      } else if (name.equals("columnMapping.mode")) {
        if (!Set.of("none", "name", "id").contains(v.toLowerCase(Locale.ROOT))) {
          throw DeltaErrors.invalidTableProperty(key, v, "the modes are none, name and id.");
        }
      } else if (!OTHERS.contains(name)) {
        throw DeltaErrors.invalidTableProperty(
            key,
            v,
            "Delta defines no such table property. "
                + "Properties of your own must not start with 'delta.'.");
      }
    }
  }

  /** The milliseconds of an interval property ({@code interval 30 days}), or the default. */
  public static long intervalMillis(Map<String, String> properties, String key, long dflt) {
    String v = properties.get(key);
    if (v == null) {
      return dflt;
    }
    String[] parts = v.trim().split("\\s+");
    if (parts.length != 3) {
      return dflt;
    }
    long n = Long.parseLong(parts[1]);
    String unit = parts[2].toLowerCase(Locale.ROOT).replaceAll("s$", "");
    return switch (unit) {
      case "nanosecond" -> n / 1_000_000;
      case "microsecond" -> n / 1_000;
      case "millisecond" -> n;
      case "second" -> n * 1_000;
      case "minute" -> n * 60_000;
      case "hour" -> n * 3_600_000;
      case "day" -> n * 86_400_000;
      case "week" -> n * 7 * 86_400_000;
      default -> dflt;
    };
  }
}
