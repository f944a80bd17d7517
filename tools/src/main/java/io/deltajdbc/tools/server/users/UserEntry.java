package io.deltajdbc.tools.server.users;

import java.util.Objects;

/**
 * One line of the users file: the user and its two hashes.
 *
 * @param user the user
 * @param passwordHash the PBKDF2 hash BASIC passwords are checked against
 * @param digestHash HTTP Digest's HA1 ({@code MD5(user:realm:password)}, hex)
 */
public record UserEntry(ServerUser user, String passwordHash, String digestHash) {
  public UserEntry {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(digestHash, "digestHash");
  }

  @Override
  public String toString() {
    return "UserEntry[" + user + "]";
  }
}
