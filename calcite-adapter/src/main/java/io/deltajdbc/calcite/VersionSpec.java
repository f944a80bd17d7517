package io.deltajdbc.calcite;

import io.deltajdbc.engine.DeltaErrors;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Which version of a table a name means: the latest, {@code name@v3} or {@code name@3} (a version),
 * or {@code name@20240131120000000} (Delta's {@code yyyyMMddHHmmssSSS} timestamp, UTC).
 */
public record VersionSpec(Long version, Instant timestamp) {
  public static final VersionSpec LATEST = new VersionSpec(null, null);
  private static final DateTimeFormatter DELTA_TS =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

  public boolean isLatest() {
    return version == null && timestamp == null;
  }

  /** The base name of {@code name@suffix} (or the name itself). */
  public static String baseName(String name) {
    int at = name.lastIndexOf('@');
    return at <= 0 ? name : name.substring(0, at);
  }

  /** The version a table name asks for. */
  public static VersionSpec parse(String name) {
    int at = name.lastIndexOf('@');
    if (at <= 0) {
      return LATEST;
    }
    String suffix = name.substring(at + 1);
    String digits = suffix.startsWith("v") || suffix.startsWith("V") ? suffix.substring(1) : suffix;
    if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
      throw DeltaErrors.invalidArgument(
          "'"
              + name
              + "' is not a valid time-travel name: use name@v<version> or "
              + "name@yyyyMMddHHmmssSSS.");
    }
    if (digits.length() == 17 && digits.length() == suffix.length()) {
      try {
        return new VersionSpec(
            null, LocalDateTime.parse(digits, DELTA_TS).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException e) {
        throw DeltaErrors.invalidArgument(
            "'" + suffix + "' in " + name + " is not a yyyyMMddHHmmssSSS timestamp.");
      }
    }
    return new VersionSpec(Long.parseLong(digits), null);
  }

  /** The suffix that names this version: {@code v3} or a {@code yyyyMMddHHmmssSSS} timestamp. */
  public String suffix() {
    return version != null
        ? "v" + version
        : DELTA_TS.format(LocalDateTime.ofInstant(timestamp, ZoneOffset.UTC));
  }
}
