package io.deltajdbc.tools.server.users;

import java.util.Locale;

/** What a user may do: queries only, or queries, DML and DDL. */
public enum Access {
  READ_ONLY("read-only"),
  READ_WRITE("read-write");

  private final String word;

  Access(String word) {
    this.word = word;
  }

  /** The users file's word, also the user's role in the HTTP server. */
  public String word() {
    return word;
  }

  /** {@code read-only} or {@code read-write}. */
  public static Access parse(String word) {
    for (Access a : values()) {
      if (a.word.equals(word.trim().toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    throw new IllegalArgumentException("access is read-only or read-write, not '" + word + "'");
  }
}
