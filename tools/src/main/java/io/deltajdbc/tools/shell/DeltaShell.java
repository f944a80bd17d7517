package io.deltajdbc.tools.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import sqlline.SqlLine;

/**
 * The SQL shell: sqlline connected to a {@code jdbc:delta:} URL.
 *
 * <pre>
 *   delta-shell --demo                 # the demo warehouse (created once under ~/.delta-jdbc/demo)
 *   delta-shell /data/warehouse        # a warehouse path or URI
 *   delta-shell jdbc:delta:/data/w;k=v # a full URL
 * </pre>
 *
 * Other arguments are sqlline's (for example {@code -f script.sql}, {@code --outputformat=csv}).
 */
public final class DeltaShell {
  private DeltaShell() {}

  public static void main(String[] args) throws IOException {
    SqlLine.Status status = run(args);
    System.exit(status == SqlLine.Status.OK ? 0 : 1);
  }

  /** Runs sqlline with the arguments translated; returns its status. */
  public static SqlLine.Status run(String[] args) throws IOException {
    return SqlLine.start(sqllineArgs(args), null, true);
  }

  static String[] sqllineArgs(String[] args) {
    List<String> out = new ArrayList<>();
    String url = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--demo")) {
        url = "jdbc:delta:" + DemoWarehouse.ensure(demoDir());
      } else if (a.startsWith("jdbc:delta:")) {
        url = a;
      } else if (!a.startsWith("-") && url == null && (i == 0 || !args[i - 1].startsWith("-"))) {
        url = "jdbc:delta:" + a;
      } else {
        out.add(a);
      }
    }
    if (System.console() == null && out.stream().noneMatch(a -> a.startsWith("--maxWidth"))) {
      out.add(
          "--maxWidth=" + System.getenv().getOrDefault("COLUMNS", "200")); // no terminal to measure
    }
    if (url != null) {
      out.add(0, "-u");
      out.add(1, url);
      out.add(2, "-n");
      out.add(3, "");
      out.add(4, "-p");
      out.add(5, "");
      out.add(6, "-d");
      out.add(7, "io.deltajdbc.jdbc.DeltaDriver");
    }
    return out.toArray(String[]::new);
  }

  static Path demoDir() {
    String dir = System.getenv("DELTA_DEMO_DIR");
    return dir != null
        ? Paths.get(dir)
        : Paths.get(System.getProperty("user.home"), ".delta-jdbc", "demo");
  }
}
