package io.deltajdbc.tools.server;

import io.deltajdbc.tools.process.JavaCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A delta-server started as a child process on the running JVM's class path, as {@code
 * tools/bin/delta-server} starts it (used by the server benchmark and the server's tests): its
 * output goes to a log file, read for the URL it prints and for its access log.
 */
public final class DeltaServerProcess implements AutoCloseable {
  private static final Pattern URL = Pattern.compile("connect with (jdbc:avatica:remote:url=\\S+)");
  private static final Pattern LISTEN = Pattern.compile("listening on (\\S+):(\\d+) ");

  private final Process process;
  private final Path log;
  private final String url;
  private final String host;
  private final int port;

  private DeltaServerProcess(Process process, Path log, String url, String host, int port) {
    this.process = process;
    this.log = log;
    this.url = url;
    this.host = host;
    this.port = port;
  }

  /** Starts a server with {@code args} and waits until it prints its URL. */
  public static DeltaServerProcess start(Path log, String heap, List<String> args)
      throws Exception {
    Process p = launch(log, heap, args);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      String text = text(log);
      Matcher u = URL.matcher(text);
      Matcher l = LISTEN.matcher(text);
      if (u.find() && l.find()) {
        return new DeltaServerProcess(p, log, u.group(1), l.group(1), Integer.parseInt(l.group(2)));
      }
      if (!p.isAlive()) {
        throw new IllegalStateException("the server exited with " + p.exitValue() + ":\n" + text);
      }
      Thread.sleep(100);
    }
    p.destroyForcibly();
    throw new IllegalStateException("the server did not start in 2 minutes:\n" + text(log));
  }

  /** Runs a server that is expected to refuse to start: its exit code and output. */
  public static Exit refused(Path log, List<String> args) throws Exception {
    Process p = launch(log, "256m", args);
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("the server did not exit:\n" + text(log));
    }
    return new Exit(p.exitValue(), text(log));
  }

  /** A process's exit code and output. */
  public record Exit(int code, String output) {}

  private static Process launch(Path log, String heap, List<String> args) throws IOException {
    List<String> command =
        JavaCommand.of(
            heap,
            List.of("-Dspark.ui.enabled=false", "-Dspark.master=local[2]"),
            DeltaServer.class,
            args);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  public String url() {
    return url;
  }

  /** {@code http://host:port} ({@code https} with TLS), as the server printed it. */
  public String baseUrl() {
    String base = url.substring(url.indexOf("url=") + 4);
    return base.contains(";") ? base.substring(0, base.indexOf(';')) : base;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  /** Everything the server printed so far. */
  public String output() throws IOException {
    return text(log);
  }

  /** The access log's statement lines (JSON) so far. */
  public List<String> accessLog() throws IOException {
    return output().lines().filter(l -> l.startsWith("{")).toList();
  }

  /** The server's resident memory, from /proc (0 where there is none). */
  public long residentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  private static String text(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  /** Sends SIGTERM (a graceful stop) without waiting. */
  public void terminate() {
    process.destroy();
  }

  /** Stops the server as SIGTERM does (graceful), and waits for it. */
  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(1, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
    }
  }

  public boolean waitForExit(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS);
  }

  public int exitValue() {
    return process.exitValue();
  }
}
