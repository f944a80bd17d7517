package io.deltajdbc.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Class paths of host applications for the standalone jar: what a Spark application, or any
 * application with its own versions of the libraries the jar bundles, has ahead of the jar.
 */
final class HostClassPath {
  private static final List<String> TEST_FRAMEWORK =
      List.of(
          "/org/junit/",
          "/org/opentest4j/",
          "/org/apiguardian/",
          "/org/apache/maven/",
          "surefire",
          "failsafe");

  private HostClassPath() {}

  /** The packaged standalone driver jar. */
  static Path standaloneJar() throws IOException {
    try (Stream<Path> files = Files.list(targetDir())) {
      return files
          .filter(p -> p.getFileName().toString().endsWith("-standalone.jar"))
          .findFirst()
          .orElseThrow();
    }
  }

  /**
   * The Spark DML backend's jar (module engine/spark), built before the driver in the reactor: what
   * a user adds beside the standalone jar to run UPDATE, DELETE and MERGE.
   */
  static Path sparkBackendJar() throws IOException {
    Path target = targetDir();
    Path dir =
        target
            .getParent()
            .getParent()
            .resolve("engine")
            .resolve("spark")
            .resolve(target.getFileName());
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              p ->
                  p.getFileName()
                      .toString()
                      .matches("delta-jdbc-engine-spark-[^-]+(-SNAPSHOT)?\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no delta-jdbc-engine-spark jar in " + dir));
    }
  }

  /**
   * Spark 3.5 as the test class path resolves it: spark-sql, spark-core, delta-spark and all their
   * dependencies, and beside them the driver's own dependencies unrelocated (Calcite, Avatica,
   * Jackson, Guava, protobuf, Janino, SLF4J with Log4j as its binding); without this project's
   * modules and the test framework.
   */
  static List<Path> sparkJars() {
    Path project = Paths.get("").toAbsolutePath().getParent();
    List<Path> jars = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path p = Paths.get(entry).toAbsolutePath();
      String s = p.toString().replace('\\', '/');
      if (!s.endsWith(".jar")
          || p.startsWith(project)
          || TEST_FRAMEWORK.stream().anyMatch(s::contains)) {
        continue;
      }
      jars.add(p);
    }
    if (jars.stream().noneMatch(p -> p.getFileName().toString().startsWith("spark-sql_"))) {
      throw new IllegalStateException("spark-sql is not on the test class path");
    }
    return jars;
  }

  /** Other versions of Jackson, Guava, protobuf, commons-lang3 and SLF4J (copied by the build). */
  static List<Path> foreignJars() throws IOException {
    try (Stream<Path> files = Files.list(targetDir().resolve("foreign-jars"))) {
      return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    }
  }

  /** A class loader over {@code first}, then the standalone jar, over the JDK alone. */
  static URLClassLoader withJarLast(List<Path> first) throws IOException {
    List<URL> urls = new ArrayList<>();
    for (Path p : first) {
      urls.add(url(p));
    }
    urls.add(url(standaloneJar()));
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  /** The jar or directory a class of {@code loader} was loaded from. */
  static String origin(ClassLoader loader, String className) throws ClassNotFoundException {
    return Class.forName(className, false, loader)
        .getProtectionDomain()
        .getCodeSource()
        .getLocation()
        .toString();
  }

  private static Path targetDir() {
    return Paths.get(System.getProperty("deltajdbc.target.dir", "target"));
  }

  private static URL url(Path p) {
    try {
      return p.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(e);
    }
  }
}
