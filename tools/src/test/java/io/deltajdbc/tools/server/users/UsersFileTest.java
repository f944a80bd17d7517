package io.deltajdbc.tools.server.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The users file, its hashes and the add-user tool. */
class UsersFileTest {
  @TempDir Path dir;

  @Test
  void passwordHashesCheckOnlyTheirPassword() {
    String h = PasswordHashes.hash("s3cret".toCharArray());
    assertTrue(h.startsWith("pbkdf2-sha256$" + PasswordHashes.ITERATIONS + "$"), h);
    assertTrue(PasswordHashes.matches("s3cret".toCharArray(), h));
    assertFalse(PasswordHashes.matches("s3cret ".toCharArray(), h));
    assertFalse(PasswordHashes.matches("".toCharArray(), h));
    assertFalse(h.equals(PasswordHashes.hash("s3cret".toCharArray())), "salted");
    for (String bad :
        List.of("", "pbkdf2-sha256$x$a$b", "md5$1$a$b", "pbkdf2-sha256$1$@@$@@", h + "$")) {
      assertFalse(PasswordHashes.matches("s3cret".toCharArray(), bad), bad);
    }
  }

  @Test
  void digestHashIsRfc2617sHa1() {
    assertEquals(
        "939e7578ed9e3c518a452acee763bce9",
        PasswordHashes.digestHash("Mufasa", "testrealm@host.com", "Circle Of Life".toCharArray()));
  }

  @Test
  void usersRoundTripThroughTheFile() throws IOException {
    Path file = dir.resolve("users");
    UserEntry a =
        new UserEntry(
            new ServerUser("alice", Access.READ_WRITE, Set.of()),
            PasswordHashes.hash("a".toCharArray()),
            PasswordHashes.digestHash("alice", "r", "a".toCharArray()));
    UserEntry b =
        new UserEntry(
            new ServerUser("bob@corp", Access.READ_ONLY, Set.of("sales", "hr")),
            PasswordHashes.hash("b".toCharArray()),
            PasswordHashes.digestHash("bob@corp", "r", "b".toCharArray()));
    Users.none().with(a).with(b).write(file);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    Users read = Users.read(file);
    assertEquals(List.of("alice", "bob@corp"), List.copyOf(read.byName().keySet()));
    assertEquals(b, read.find("bob@corp").orElseThrow());
    assertTrue(read.find("bob@corp").get().user().mayUse("hr"));
    assertFalse(read.find("bob@corp").get().user().mayUse("default"));
    assertTrue(Users.permissionWarning(file).isEmpty());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertTrue(Users.permissionWarning(file).orElseThrow().contains("chmod 600"));
  }

  @Test
  void badLinesNameTheirLineAndNoHash() throws IOException {
    String hash = PasswordHashes.hash("x".toCharArray());
    String md5 = "md5:" + PasswordHashes.digestHash("u", "r", "x".toCharArray());
    for (String line :
        List.of(
            "u = admin; catalogs=*; " + hash + "; " + md5,
            "u = read-only; " + hash + "; " + md5,
            "u = read-only; catalogs=*; plain-password; " + md5,
            "u = read-only; catalogs=*; " + hash + "; md5:xyz",
            "../u = read-only; catalogs=*; " + hash + "; " + md5,
            "no equals sign")) {
      Path file = Files.writeString(dir.resolve("bad"), "# comment\n\n" + line + "\n");
      IOException e = assertThrows(IOException.class, () -> Users.read(file), line);
      assertTrue(e.getMessage().startsWith(file + " line 3: "), e.getMessage());
      assertFalse(e.getMessage().contains(hash), e.getMessage());
    }
    Path twice =
        Files.writeString(
            dir.resolve("twice"),
            "u = read-only; catalogs=*; "
                + hash
                + "; "
                + md5
                + "\nu = read-write; catalogs=*; "
                + hash
                + "; "
                + md5
                + "\n");
    IOException e = assertThrows(IOException.class, () -> Users.read(twice));
    assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("twice"));
  }

  @Test
  void addUserCreatesAndUpdatesWithoutPrintingThePassword() throws IOException {
    Path file = dir.resolve("sub").resolve("users");
    String out1 =
        run(0, "pw-one", "--users", file.toString(), "--user", "ann", "--access", "read-only");
    assertTrue(out1.contains("added user ann (read-only, every catalog)"), out1);
    String out2 =
        run(
            0,
            "pw-two",
            "--users",
            file.toString(),
            "--user",
            "ann",
            "--access",
            "read-write",
            "--catalogs",
            "sales");
    assertTrue(out2.contains("updated user ann (read-write, catalogs sales)"), out2);
    UserEntry e = Users.read(file).find("ann").orElseThrow();
    assertTrue(PasswordHashes.matches("pw-two".toCharArray(), e.passwordHash()));
    assertEquals(
        PasswordHashes.digestHash("ann", UsersLoginService.DEFAULT_REALM, "pw-two".toCharArray()),
        e.digestHash());
    assertFalse(Files.readString(file).contains("pw-two"));
    String usage = run(2, "x", "--users", file.toString(), "--user", "ann");
    assertTrue(usage.contains("--access are needed") && usage.contains("usage:"), usage);
    String badAccess = run(2, "x", "--users", file.toString(), "--user", "a", "--access", "root");
    assertTrue(badAccess.contains("read-only or read-write"), badAccess);
  }

  private static String run(int expected, String password, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8);
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.add("--password-stdin");
    int code =
        AddUser.run(
            all,
            new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)),
            p,
            p);
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(expected, code, text);
    assertFalse(text.contains(password) && password.length() > 1, text);
    return text;
  }
}
