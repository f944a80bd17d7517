package io.deltajdbc.tools.bench.report;

import io.deltajdbc.tools.bench.Scale;
import java.time.Instant;
import java.util.List;

/**
 * What a run was: its sizes, when, on what machine, and how long it took.
 *
 * @param started when the run started (ISO-8601, UTC)
 * @param arguments the command line of the suite
 */
public record RunInfo(
    Scale scale,
    String started,
    double seconds,
    int cores,
    long maxHeapBytes,
    String java,
    String os,
    List<String> arguments) {
  public RunInfo {
    arguments = List.copyOf(arguments);
  }

  /**
   * The machine this JVM runs on, for a run that started at {@code started} and took {@code
   * seconds}.
   */
  public static RunInfo here(Scale scale, Instant started, double seconds, List<String> arguments) {
    return new RunInfo(
        scale,
        started.toString(),
        seconds,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        arguments);
  }
}
