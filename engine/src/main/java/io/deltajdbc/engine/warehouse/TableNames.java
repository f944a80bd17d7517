package io.deltajdbc.engine.warehouse;

import io.deltajdbc.engine.DeltaErrors;

/**
 * The rule that keeps a name a name: a table or schema name is one directory name inside its folder
 * of the warehouse. Anything a path or URI could be built from ({@code /}, {@code \}, {@code :},
 * {@code .}, {@code ..}, NUL and other control characters) is refused, so that no name reaches a
 * location outside the warehouse however the storage layer later normalises it.
 */
public final class TableNames {
  private TableNames() {}

  /**
   * Fails with {@code INVALID_NAME} (42602) unless {@code name} is a plain name; {@code kind} is
   * "table" or "schema".
   */
  public static String requirePlain(String kind, String name) {
    if (isPlain(name)) {
      return name;
    }
    // Not plain: say why.
    if (name == null || name.isEmpty()) {
      throw DeltaErrors.invalidName(kind, "", "it is empty");
    }
    if (name.equals(".") || name.equals("..")) {
      throw DeltaErrors.invalidName(kind, name, "it names a directory, not a " + kind);
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == '\\') {
        throw DeltaErrors.invalidName(kind, name, "it contains the path separator '" + c + "'");
      }
      if (c == ':') {
        throw DeltaErrors.invalidName(
            kind, name, "it contains ':', which makes a URI or a drive letter of it");
      }
      if (Character.isISOControl(c)) {
        throw DeltaErrors.invalidName(kind, name, "it contains a control character");
      }
    }
    throw new IllegalStateException("isPlain and requirePlain disagree on '" + name + "'");
  }

  /**
   * Whether {@code name} passes {@link #requirePlain}: listings leave out entries that could not be
   * named.
   */
  public static boolean isPlain(String name) {
    if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")) {
      return false;
    }
    return name.chars()
        .noneMatch(c -> c == '/' || c == '\\' || c == ':' || Character.isISOControl(c));
  }

  /**
   * Fails with {@code INVALID_NAME} unless {@code name} may be given to a new table or schema: a
   * plain name that listings show and queries can read back. {@code x@v0} would be read as version
   * 0 of {@code x}; names starting with {@code _} or {@code .} are hidden from listings (and {@code
   * _delta_log}, {@code _change_data} are the table's own directories).
   */
  public static String requireCreatable(String kind, String name) {
    requirePlain(kind, name);
    if (name.indexOf('@') >= 0) {
      throw DeltaErrors.invalidName(
          kind, name, "it contains '@', which queries read as a time-travel suffix");
    }
    if (name.startsWith("_") || name.startsWith(".")) {
      throw DeltaErrors.invalidName(
          kind,
          name,
          "it starts with '" + name.charAt(0) + "', and such names are hidden " + "from listings");
    }
    return name;
  }
}
