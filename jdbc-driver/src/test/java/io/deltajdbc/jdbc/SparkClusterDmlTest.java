package io.deltajdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deltajdbc.engine.testing.SparkOracle;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's UPDATE, DELETE and MERGE on a real Spark standalone cluster: a master and a worker
 * on loopback, each its own JVM, and the JDBC client in a third JVM (the DML SparkSession is one
 * per JVM, and this test JVM already has a local one). The cluster comes from {@code spark.*}
 * connection properties ({@code spark.master}, the driver's address, the executors' memory and
 * cores) and, for what a connection may not choose because it loads code, from system properties of
 * the client (the executors' class path, and a listener that counts where the tasks ran).
 * delta-spark reads the table afterwards.
 *
 * <p>There is no Spark distribution: the worker builds its executors' class path from SPARK_HOME
 * (an empty {@code jars/} folder here, and SPARK_SCALA_VERSION so that no build folders are looked
 * for) plus {@code spark.executor.extraClassPath}, which the client sets to this test's class path;
 * Spark adds its Java 17 {@code --add-opens} to the executors' options itself.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SparkClusterDmlTest {
  private static final String LOOPBACK = "127.0.0.1";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(180);

  @TempDir Path dir;

  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stopAll() throws InterruptedException {
    // the client first (it is the application), then the worker (it kills its executors), then the
    // master
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    processes.clear();
  }

  @Test
  void updateDeleteAndMergeRunOnAStandaloneCluster() throws Exception {
    long started = System.nanoTime();
    Path sparkHome = Files.createDirectories(dir.resolve("spark-home"));
    Files.createDirectories(sparkHome.resolve("jars"));
    Files.createDirectories(sparkHome.resolve("conf"));
    Path workDir = Files.createDirectories(dir.resolve("worker-work"));
    Path warehouse = Files.createDirectories(dir.resolve("warehouse"));
    int masterPort = freePort();
    int masterUi = freePort();
    int workerUi = freePort();
    String masterUrl = "spark://" + LOOPBACK + ":" + masterPort;

    Process master =
        start(
            "master",
            sparkHome,
            "-Xmx256m",
            "org.apache.spark.deploy.master.Master",
            "--host",
            LOOPBACK,
            "--port",
            String.valueOf(masterPort),
            "--webui-port",
            String.valueOf(masterUi));
    awaitMaster(
        master, masterUi, "the master is alive", m -> "ALIVE".equals(m.path("status").asText()));

    Process worker =
        start(
            "worker",
            sparkHome,
            "-Xmx256m",
            "org.apache.spark.deploy.worker.Worker",
            masterUrl,
            "--host",
            LOOPBACK,
            "--cores",
            "1",
            "--memory",
            "1g",
            "--webui-port",
            String.valueOf(workerUi),
            "--work-dir",
            workDir.toString());
    awaitMaster(
        worker, masterUi, "the worker registered", m -> m.path("aliveworkers").asInt() == 1);
    long clusterUp = System.nanoTime();

    Process client =
        start(
            "client",
            sparkHome,
            "-Xmx1g",
            Client.class.getName(),
            warehouse.toString(),
            masterUrl,
            testClassPath());
    if (!client.waitFor(CLIENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      fail("the client did not finish in " + CLIENT_TIMEOUT + "\n" + logs());
    }
    assertEquals(0, client.exitValue(), () -> "the client failed\n" + logs());
    long clientDone = System.nanoTime();
    Map<String, String> out = clientOutput();

    // the driver's session ran on the cluster, and the work was done by its executor
    assertEquals(masterUrl, out.get("master"), this::logs);
    assertEquals("10", out.get("update"));
    assertEquals("5", out.get("delete"));
    assertEquals("3", out.get("merge"));
    assertEquals("15", out.get("count"));
    assertTrue(
        Integer.parseInt(out.get("tasks.executors")) > 0, () -> "tasks on executors\n" + logs());
    assertEquals("0", out.get("tasks.driver"), "no task ran in the client's JVM");
    assertEquals(LOOPBACK, out.get("tasks.hosts"));
    String appId = out.get("app");
    assertTrue(appId.startsWith("app-"), appId);
    Path stderr = workDir.resolve(appId).resolve("0").resolve("stderr");
    assertTrue(
        Files.isRegularFile(stderr),
        () -> "the worker launched the executor: " + stderr + "\n" + logs());
    String executorLog = Files.readString(stderr);
    assertTrue(
        executorLog.contains("Spark Executor Command")
            && executorLog.contains("CoarseGrainedExecutorBackend")
            && executorLog.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"),
        executorLog);
    JsonNode app =
        awaitMaster(
            master,
            masterUi,
            "the application completed",
            m -> find(m.path("completedapps"), appId) != null);
    JsonNode completed = find(app.path("completedapps"), appId);
    assertEquals("FINISHED", completed.path("state").asText(), completed::toString);
    long appCompleted = System.nanoTime();
    assertEquals("delta-jdbc", completed.path("name").asText(), completed::toString);

    // delta-spark (this JVM's local session) reads what the cluster wrote
    List<String> rows =
        SparkOracle.spark()
            .read()
            .format("delta")
            .load(warehouse.resolve("t").toString())
            .orderBy("id")
            .collectAsList()
            .stream()
            .map(Row::toString)
            .toList();
    assertEquals(expectedRows(), rows);
    List<String> history =
        SparkOracle.spark()
            .sql("DESCRIBE HISTORY delta.`" + warehouse.resolve("t") + "`")
            .select("operation")
            .collectAsList()
            .stream()
            .map(r -> r.getString(0))
            .toList();
    assertEquals(List.of("MERGE", "DELETE", "UPDATE", "WRITE", "CREATE TABLE"), history);

    System.out.printf(
        "SparkClusterDmlTest: cluster up in %d s, client (session start and DML) in %d s, "
            + "app completed on the master %d s later, total %d s; client: %s%n",
        TimeUnit.NANOSECONDS.toSeconds(clusterUp - started),
        TimeUnit.NANOSECONDS.toSeconds(clientDone - clusterUp),
        TimeUnit.NANOSECONDS.toSeconds(appCompleted - clientDone),
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
        out);
  }

  private static String region(long id) {
    return switch ((int) (id % 3)) {
      case 0 -> "north";
      case 1 -> "south";
      default -> "east";
    };
  }

  /**
   * Rows 1 to 20; UPDATE marks even ids; DELETE drops 16 to 20; MERGE renames 2, deletes 3 and
   * inserts 30.
   */
  private static List<String> expectedRows() {
    List<String> rows = new ArrayList<>();
    for (long id = 1; id <= 15; id++) {
      if (id == 3) {
        continue;
      }
      String name = id == 2 ? "two" : "n" + id + (id % 2 == 0 ? "!" : "");
      rows.add("[" + id + "," + name + "," + region(id) + "]");
    }
    rows.add("[30,thirty,west]");
    return rows;
  }

  /**
   * The JDBC client, in its own JVM: args are the warehouse, the master URL and the executors'
   * class path.
   */
  public static final class Client {
    private Client() {}

    public static void main(String[] args) throws Exception {
      String warehouse = args[0];
      String master = args[1];
      Properties props = new Properties();
      props.setProperty("spark.executor.memory", "512m");
      // A class path and a listener class load code: a connection may not choose them, the
      // application
      // does, as system properties, which Spark reads when the session starts.
      System.setProperty("spark.executor.extraClassPath", args[2]);
      System.setProperty("spark.extraListeners", TaskPlaces.class.getName());
      String url =
          "jdbc:delta:"
              + warehouse
              + ";spark.master="
              + master
              + ";spark.executor.cores=1;spark.cores.max=1"
              + ";spark.driver.host="
              + LOOPBACK
              + ";spark.driver.bindAddress="
              + LOOPBACK;
      try (Connection c = DriverManager.getConnection(url, props);
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (id BIGINT, name STRING, region STRING) PARTITIONED BY (region)");
        StringBuilder values = new StringBuilder();
        for (long id = 1; id <= 20; id++) {
          values
              .append(id == 1 ? "" : ", ")
              .append("(")
              .append(id)
              .append(", 'n")
              .append(id)
              .append("', '")
              .append(region(id))
              .append("')");
        }
        s.executeUpdate("INSERT INTO t VALUES " + values);
        System.out.println(
            "update=" + s.executeUpdate("UPDATE t SET name = name || '!' WHERE id % 2 = 0"));
        System.out.println("delete=" + s.executeUpdate("DELETE FROM t WHERE id > 15"));
        s.execute("CREATE TABLE src (id BIGINT, name STRING, region STRING)");
        s.executeUpdate(
            "INSERT INTO src VALUES (2, 'two', 'west'), (3, 'three', 'north'), (30, 'thirty', 'west')");
        System.out.println(
            "merge="
                + s.executeUpdate(
                    "MERGE INTO t USING src AS s ON t.id = s.id "
                        + "WHEN MATCHED AND s.id = 3 THEN DELETE "
                        + "WHEN MATCHED THEN UPDATE SET name = s.name "
                        + "WHEN NOT MATCHED THEN INSERT (id, name, region) VALUES (s.id, s.name, s.region)"));
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
          rs.next();
          System.out.println("count=" + rs.getLong(1));
        }
      }
      SparkSession spark = SparkSession.getDefaultSession().get();
      System.out.println("master=" + spark.sparkContext().master());
      System.out.println("app=" + spark.sparkContext().applicationId());
      int driver = TaskPlaces.TASKS.getOrDefault("driver", new AtomicInteger()).get();
      int executors =
          TaskPlaces.TASKS.entrySet().stream()
              .filter(e -> !e.getKey().equals("driver"))
              .mapToInt(e -> e.getValue().get())
              .sum();
      System.out.println("tasks.driver=" + driver);
      System.out.println("tasks.executors=" + executors);
      System.out.println("tasks.hosts=" + String.join(",", TaskPlaces.HOSTS.keySet()));
      System.out.flush();
      System.exit(
          0); // the driver's shutdown hook stops the session: the application finishes on the
      // master
    }
  }

  /**
   * Counts finished tasks per executor id, and the executors' hosts (a listener of the client's
   * session).
   */
  public static final class TaskPlaces extends SparkListener {
    static final Map<String, AtomicInteger> TASKS = new ConcurrentHashMap<>();
    static final Map<String, Boolean> HOSTS = new ConcurrentHashMap<>();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      TASKS
          .computeIfAbsent(end.taskInfo().executorId(), k -> new AtomicInteger())
          .incrementAndGet();
      if (!"driver".equals(end.taskInfo().executorId())) {
        HOSTS.put(end.taskInfo().host(), true);
      }
    }
  }

  private static String testClassPath() {
    // surefire's own class path is a manifest-only jar; the real one is in this property
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /**
   * This JVM's --add-opens (surefire's argLine, the pom's test.add.opens), which Spark needs on
   * Java 17.
   */
  private static List<String> javaModuleOptions() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(
            a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect.useDirectMethodHandle"))
        .toList();
  }

  private static String scalaBinaryVersion() {
    String v = scala.util.Properties$.MODULE$.versionNumberString();
    return v.substring(0, v.lastIndexOf('.'));
  }

  private Process start(String name, Path sparkHome, String heap, String mainClass, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add(heap);
    cmd.addAll(javaModuleOptions());
    cmd.add("-cp");
    cmd.add(testClassPath());
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve(name + ".out").toFile())
            .redirectError(dir.resolve(name + ".err").toFile());
    Map<String, String> env = pb.environment();
    env.keySet()
        .removeIf(
            k ->
                k.startsWith("SPARK_") || k.equals("HADOOP_CONF_DIR") || k.equals("YARN_CONF_DIR"));
    env.put(
        "SPARK_HOME", sparkHome.toString()); // the worker's executors: conf/ and jars/ (both empty)
    env.put(
        "SPARK_SCALA_VERSION", scalaBinaryVersion()); // else Spark looks for its own build folders
    env.put("SPARK_LOCAL_IP", LOOPBACK);
    Process p = pb.start();
    processes.add(p);
    return p;
  }

  /** Polls the master's JSON until {@code ready}; fails early when {@code process} died. */
  private JsonNode awaitMaster(Process process, int uiPort, String what, Predicate<JsonNode> ready)
      throws Exception {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    ObjectMapper mapper = new ObjectMapper();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        fail(
            "waiting until "
                + what
                + ": the process exited with "
                + process.exitValue()
                + "\n"
                + logs());
      }
      try {
        HttpURLConnection http =
            (HttpURLConnection)
                new URL("http://" + LOOPBACK + ":" + uiPort + "/json/").openConnection();
        http.setConnectTimeout(2000);
        http.setReadTimeout(5000);
        try (InputStream in = http.getInputStream()) {
          JsonNode json = mapper.readTree(in);
          if (ready.test(json)) {
            return json;
          }
        } finally {
          http.disconnect();
        }
      } catch (IOException notYet) {
        // the UI is not up yet
      }
      Thread.sleep(500);
    }
    fail("not within " + START_TIMEOUT + ": " + what + "\n" + logs());
    return null;
  }

  private static JsonNode find(JsonNode apps, String appId) {
    for (JsonNode a : apps) {
      if (appId.equals(a.path("id").asText())) {
        return a;
      }
    }
    return null;
  }

  private Map<String, String> clientOutput() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(dir.resolve("client.out"))) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        out.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return out;
  }

  /** The processes' output, and the executors' stderr, for failure messages. */
  private String logs() {
    List<Path> files = new ArrayList<>();
    for (String n : List.of("master", "worker", "client")) {
      files.add(dir.resolve(n + ".out"));
      files.add(dir.resolve(n + ".err"));
    }
    try (Stream<Path> work = Files.walk(dir.resolve("worker-work"))) {
      work.filter(p -> p.getFileName().toString().equals("stderr")).forEach(files::add);
    } catch (IOException | RuntimeException e) {
      // no work dir yet
    }
    return files.stream()
        .filter(Files::isRegularFile)
        .map(
            f -> {
              try {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                return "---- "
                    + f
                    + "\n"
                    + (text.length() > 8000 ? "..." + text.substring(text.length() - 8000) : text);
              } catch (IOException e) {
                return "---- " + f + ": " + e;
              }
            })
        .collect(Collectors.joining("\n"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return s.getLocalPort();
    }
  }
}
