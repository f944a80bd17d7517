package io.deltajdbc.jdbc.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A listing of a directory tree that changes when anything in it does: each entry's relative path
 * with its size and the SHA-256 of its content (directories and links by name and target), never
 * following a link, so that a test can compare "before" and "after" an attack.
 */
record DirectoryChecksum(Map<String, String> entries) {

  static DirectoryChecksum of(Path dir, Path... excluded) {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        if (Stream.of(excluded).anyMatch(p::startsWith)) {
          continue;
        }
        String rel = dir.relativize(p).toString();
        if (Files.isSymbolicLink(p)) {
          out.put(rel, "link -> " + Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          out.put(rel + "/", "dir");
        } else {
          out.put(rel, Files.size(p) + " " + sha256(p));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DirectoryChecksum(out);
  }

  private static String sha256(Path p) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
