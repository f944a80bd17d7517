package io.deltajdbc.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where we are slower than a peer, runs our side again under a Java Flight Recorder recording (the
 * JDK's "profile" settings) for at least a few seconds, keeps the {@code .jfr} file for {@code jfr
 * print} or JDK Mission Control, and summarizes its execution samples: the methods the CPU was in
 * (self time), the packages they belong to, and the methods of the driver and its libraries (not
 * the JDK's) that were on the stack (inclusive time), which say whose work it was.
 */
public final class Profiler {
  private static final long MIN_NANOS = 5_000_000_000L;
  private static final int MAX_ROUNDS = 20;
  private static final int TOP = 12;
  private static final int TOP_ON_STACK = 25;
  private final Path dir;

  private Profiler(Path dir) {
    this.dir = dir;
  }

  /** A profiler writing recordings to {@code dir}, or none when {@code dir} is null. */
  public static Profiler writingTo(Path dir) {
    return new Profiler(dir);
  }

  Comparison profile(Comparison c, Harness.Side ours) throws Exception {
    if (dir == null) {
      return c;
    }
    Files.createDirectories(dir);
    Path file = dir.resolve(slug(c.workload() + "-" + c.dataset() + "-" + c.variant()) + ".jfr");
    try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
      recording.start();
      long start = System.nanoTime();
      for (int round = 0;
          round < MAX_ROUNDS && (round < 1 || System.nanoTime() - start < MIN_NANOS);
          round++) {
        ours.setup().run();
        ours.timed().run();
      }
      recording.stop();
      recording.dump(file);
    } catch (ParseException e) {
      throw new IllegalStateException("The JDK's JFR profile settings cannot be read", e);
    }
    return c.withProfile(new Comparison.Profile(file.toString(), hottest(file)));
  }

  /**
   * The most sampled methods (self time), then the most sampled packages, as percentages of all
   * samples.
   */
  static List<String> hottest(Path file) throws IOException {
    Map<String, Integer> methods = new HashMap<>();
    Map<String, Integer> packages = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    int total = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample")
          || e.getStackTrace() == null
          || e.getStackTrace().getFrames().isEmpty()) {
        continue;
      }
      RecordedFrame top = e.getStackTrace().getFrames().get(0);
      String type = top.getMethod().getType().getName();
      methods.merge(type + "." + top.getMethod().getName(), 1, Integer::sum);
      int dot = type.lastIndexOf('.');
      packages.merge(dot < 0 ? type : type.substring(0, dot), 1, Integer::sum);
      Set<String> onStack = new HashSet<>();
      for (RecordedFrame f : e.getStackTrace().getFrames()) {
        String t = f.getMethod().getType().getName();
        if (!t.startsWith("java.")
            && !t.startsWith("jdk.")
            && !t.startsWith("sun.")
            && !t.startsWith(Profiler.class.getPackageName())) {
          onStack.add(t + "." + f.getMethod().getName());
        }
      }
      onStack.forEach(m -> inclusive.merge(m, 1, Integer::sum));
      total++;
    }
    List<String> lines = new ArrayList<>();
    lines.add(total + " execution samples");
    addTop(lines, methods, total, "method", TOP);
    addTop(lines, packages, total, "package", TOP);
    addTop(lines, inclusive, total, "on stack", TOP_ON_STACK);
    return lines;
  }

  private static void addTop(
      List<String> lines, Map<String, Integer> counts, int total, String kind, int top) {
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(
            e ->
                lines.add(
                    String.format(
                        Locale.ROOT,
                        "%5.1f%% %s %s",
                        100.0 * e.getValue() / total,
                        kind,
                        e.getKey())));
  }

  static String slug(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
