package io.deltajdbc.tools.server.users;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The users file, read once when the server starts (format in the package documentation).
 *
 * @param byName the entries, by user name, in the file's order
 */
public record Users(Map<String, UserEntry> byName) {
  public Users {
    byName = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byName));
  }

  /** No users. */
  public static Users none() {
    return new Users(Map.of());
  }

  /** The users of {@code file}; an error names the file and line, never a hash. */
  public static Users read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, UserEntry> users = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      UserEntry e;
      try {
        e = parse(line);
      } catch (IllegalArgumentException ex) {
        throw new IOException(file + " line " + (i + 1) + ": " + ex.getMessage(), ex);
      }
      if (users.putIfAbsent(e.user().name(), e) != null) {
        throw new IOException(
            file + " line " + (i + 1) + ": user '" + e.user().name() + "' is there twice");
      }
    }
    return new Users(users);
  }

  private static UserEntry parse(String line) {
    int eq = line.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("expected: name = access; catalogs=...; hash; md5:hash");
    }
    String name = line.substring(0, eq).strip();
    String[] fields = line.substring(eq + 1).split(";");
    if (fields.length != 4) {
      throw new IllegalArgumentException(
          "user '"
              + name
              + "' has "
              + fields.length
              + " fields, not 4 (access; catalogs; two hashes)");
    }
    Access access = Access.parse(fields[0]);
    String catalogs = fields[1].strip();
    if (!catalogs.startsWith("catalogs=")) {
      throw new IllegalArgumentException("user '" + name + "': the second field is catalogs=...");
    }
    String hash = fields[2].strip();
    String digest = fields[3].strip();
    if (!hash.startsWith("pbkdf2-sha256$") || hash.split("\\$", -1).length != 4) {
      throw new IllegalArgumentException("user '" + name + "': the password hash is malformed");
    }
    if (!digest.matches("md5:[0-9a-f]{32}")) {
      throw new IllegalArgumentException("user '" + name + "': the digest hash is malformed");
    }
    return new UserEntry(
        new ServerUser(name, access, catalogs(catalogs.substring(9))), hash, digest.substring(4));
  }

  private static Set<String> catalogs(String list) {
    if (list.strip().equals("*")) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String c : list.split(",")) {
      if (!c.isBlank()) {
        out.add(c.strip());
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("catalogs= names no catalog (use * for all)");
    }
    return out;
  }

  /** The file's text of these users. */
  String text() {
    StringBuilder sb =
        new StringBuilder(
            "# delta-server users: name = access; catalogs=*|a,b; pbkdf2 hash; md5:digest HA1\n");
    for (UserEntry e : byName.values()) {
      ServerUser u = e.user();
      sb.append(u.name())
          .append(" = ")
          .append(u.access().word())
          .append("; catalogs=")
          .append(u.catalogs().isEmpty() ? "*" : String.join(",", u.catalogs()))
          .append("; ")
          .append(e.passwordHash())
          .append("; md5:")
          .append(e.digestHash())
          .append('\n');
    }
    return sb.toString();
  }

  /**
   * Writes the file atomically (a temporary file beside it, then a move), readable by its owner.
   */
  public void write(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    Path tmp =
        posix
            ? Files.createTempFile(
                dir,
                ".users",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
            : Files.createTempFile(dir, ".users", ".tmp");
    try {
      Files.writeString(tmp, text(), StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** These users with {@code e} added, or replacing the user of its name. */
  public Users with(UserEntry e) {
    Map<String, UserEntry> m = new LinkedHashMap<>(byName);
    m.put(e.user().name(), e);
    return new Users(m);
  }

  public Optional<UserEntry> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** A warning when {@code file} can be read by its group or others. */
  public static Optional<String> permissionWarning(Path file) {
    try {
      Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
      List<PosixFilePermission> open = new ArrayList<>();
      for (PosixFilePermission x :
          Arrays.asList(
              PosixFilePermission.GROUP_READ,
              PosixFilePermission.GROUP_WRITE,
              PosixFilePermission.OTHERS_READ,
              PosixFilePermission.OTHERS_WRITE)) {
        if (p.contains(x)) {
          open.add(x);
        }
      }
      return open.isEmpty()
          ? Optional.empty()
          : Optional.of(
              "the users file "
                  + file
                  + " is "
                  + PosixFilePermissions.toString(p)
                  + ": others than its owner can read its hashes (chmod 600)");
    } catch (UnsupportedOperationException | IOException e) {
      return Optional.empty();
    }
  }
}
