package io.deltajdbc.tools.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM that runs a class of this project on the running JVM's class
 * path, with the module openings Spark (the DML backend, the benchmarks' peer) needs on Java 17;
 * {@code tools/bin/delta-tool} passes the same list.
 */
public final class JavaCommand {
  /** The {@code java.base} packages Spark reflects into on Java 17. */
  public static final List<String> OPENED_PACKAGES =
      List.of(
          "java.lang",
          "java.lang.invoke",
          "java.lang.reflect",
          "java.io",
          "java.net",
          "java.nio",
          "java.util",
          "java.util.concurrent",
          "java.util.concurrent.atomic",
          "sun.nio.ch",
          "sun.nio.cs",
          "sun.security.action",
          "sun.util.calendar");

  private JavaCommand() {}

  /**
   * {@code java -Xmx<heap> --add-opens... <jvmOptions> -cp <class path> <mainClass> <args>}.
   *
   * @param heap the maximum heap, as {@code -Xmx} takes it ({@code 1g})
   */
  public static List<String> of(
      String heap, List<String> jvmOptions, Class<?> mainClass, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    for (String p : OPENED_PACKAGES) {
      command.add("--add-opens=java.base/" + p + "=ALL-UNNAMED");
    }
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(args);
    return List.copyOf(command);
  }
}
