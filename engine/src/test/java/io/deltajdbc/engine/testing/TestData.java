package io.deltajdbc.engine.testing;

import io.deltajdbc.engine.DeltaTable;
import io.deltajdbc.engine.EngineConfig;
import io.deltajdbc.engine.internal.dv.DeletionVectorLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.hadoop.conf.Configuration;

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

  /**
   * Opens a conformance table. Tables from Delta Lake's Spark test resources were written with its
   * test-only deletion vector file name prefix, which their reader must be told. Zone-less
   * timestamp partition values are in the writer's zone: the golden table
   * data-reader-partition-values was written by Spark in America/Los_Angeles (its expected answer
   * has 11:11:11 as 18:11:11Z), the kernel-timestamp-* tables in UTC.
   */
  public static DeltaTable open(Path table) {
    Configuration conf = DeltaTable.defaultConfiguration();
    if (table.toString().contains("golden/connectors/data-reader-partition-values")) {
      conf.set(EngineConfig.PARTITION_TIME_ZONE, "America/Los_Angeles");
    }
    if (table.toString().contains("spark-test-resources")) {
      conf.set(DeletionVectorLoader.TEST_FILE_NAME_PREFIX_KEY, "test%dv%prefix-");
    }
    return DeltaTable.forPath(table.toString(), conf);
  }

  /** Copies a table directory (with hidden files) into {@code target}, for tests that change it. */
  public static Path copy(Path source, Path target) {
    try {
      Files.walkFileTree(
          source,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              Files.createDirectories(target.resolve(source.relativize(dir).toString()));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.copy(
                  file,
                  target.resolve(source.relativize(file).toString()),
                  StandardCopyOption.COPY_ATTRIBUTES);
              return FileVisitResult.CONTINUE;
            }
          });
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
