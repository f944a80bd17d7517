package io.deltajdbc.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/** The shared conformance tables ({@code ../shared/testdata}), read in place, copied to change. */
public final class TestData {
  private TestData() {}

  public static Path root() {
    String p = System.getProperty("deltajdbc.testdata");
    Path root = p != null ? Paths.get(p) : Paths.get("/work/shared/testdata");
    if (!Files.isDirectory(root)) {
      root = Paths.get("../../shared/testdata");
    }
    return root.toAbsolutePath().normalize();
  }

  public static Path resolve(String relative) {
    return root().resolve(relative);
  }

  /** Copies a table directory (with hidden files) into {@code target}, for tests that change it. */
  public static Path copy(Path source, Path target) {
    try {
      Files.walkFileTree(source, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          Files.createDirectories(target.resolve(source.relativize(dir).toString()));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
          return FileVisitResult.CONTINUE;
        }
      });
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
