package io.deltajdbc.tools.server.users;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code delta-server add-user --users FILE --user NAME --access read-only|read-write [--catalogs
 * a,b|*] [--password-stdin]}: adds a user to the users file, or replaces its line. The password is
 * read twice from the console (not echoed), or once from standard input; it is never printed.
 */
public final class AddUser {
  static final String USAGE =
      "usage: delta-server add-user --users FILE --user NAME --access read-only|read-write"
          + " [--catalogs a,b|*] [--password-stdin]\n";

  private AddUser() {}

  public static void main(String[] args) {
    System.exit(run(Arrays.asList(args), System.in, System.out, System.err));
  }

  /** Runs the tool: 0 when the file was written, 1 when it could not be, 2 for a usage error. */
  public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    Path file = null;
    String name = null;
    Access access = null;
    Set<String> catalogs = Set.of();
    boolean stdin = false;
    try {
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i);
        if (a.equals("--password-stdin")) {
          stdin = true;
          continue;
        }
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException(a + " needs a value");
        }
        String v = args.get(++i);
        switch (a) {
          case "--users" -> file = Path.of(v);
          case "--user" -> name = v;
          case "--access" -> access = Access.parse(v);
          case "--catalogs" -> catalogs = v.equals("*") ? Set.of() : list(v);
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
      }
      if (file == null || name == null || access == null) {
        throw new IllegalArgumentException("--users, --user and --access are needed");
      }
      ServerUser user = new ServerUser(name, access, catalogs);
      char[] password = stdin ? fromStdin(in) : fromConsole();
      if (password.length == 0) {
        throw new IllegalArgumentException("the password is empty");
      }
      UserEntry entry =
          new UserEntry(
              user,
              PasswordHashes.hash(password),
              PasswordHashes.digestHash(name, UsersLoginService.DEFAULT_REALM, password));
      Arrays.fill(password, '\0');
      Users users = Files.exists(file) ? Users.read(file) : Users.none();
      boolean existed = users.find(name).isPresent();
      users.with(entry).write(file);
      out.println(
          "delta-server: "
              + (existed ? "updated" : "added")
              + " user "
              + name
              + " ("
              + access.word()
              + (catalogs.isEmpty()
                  ? ", every catalog"
                  : ", catalogs " + String.join(",", catalogs))
              + ") in "
              + file);
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("delta-server add-user: " + e.getMessage());
      err.print(USAGE);
      return 2;
    } catch (IOException e) {
      err.println("delta-server add-user: " + e.getMessage());
      return 1;
    }
  }

  private static Set<String> list(String v) {
    Set<String> out = new LinkedHashSet<>();
    for (String c : v.split(",")) {
      if (!c.isBlank()) {
        out.add(c.strip());
      }
    }
    return out;
  }

  private static char[] fromStdin(InputStream in) throws IOException {
    String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
    if (line == null) {
      throw new IllegalArgumentException("no password on standard input");
    }
    return line.toCharArray();
  }

  private static char[] fromConsole() {
    Console console = System.console();
    if (console == null) {
      throw new IllegalArgumentException(
          "no console to read the password from: pipe it with --password-stdin");
    }
    char[] first = console.readPassword("Password: ");
    char[] second = console.readPassword("Again: ");
    if (first == null || second == null || !Arrays.equals(first, second)) {
      throw new IllegalArgumentException("the two passwords differ");
    }
    Arrays.fill(second, '\0');
    return first;
  }
}
