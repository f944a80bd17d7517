package io.deltajdbc.tools.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sqlline.SqlLine;

/** sqlline, a real JDBC client, runs a script on the demo warehouse through the driver. */
class DeltaShellTest {
  @TempDir Path dir;

  @Test
  void sqllineRunsAScriptOnTheDemoWarehouse() throws Exception {
    DemoWarehouse.ensure(dir);
    Path script =
        Files.writeString(
            dir.resolve("demo.sql"),
            String.join(
                "\n",
                "!set outputformat csv",
                "SELECT count(*) AS n FROM orders;",
                "SELECT count(*) AS n FROM orders@v2;",
                "SELECT region, count(*) AS c FROM orders VERSION AS OF 1 GROUP BY region ORDER BY region;",
                "SELECT count(*) AS days FROM sales.daily_revenue WHERE region = 'emea';",
                "!tables",
                "CREATE TABLE notes (id INT, body STRING) PARTITIONED BY (id);",
                "INSERT INTO notes VALUES (1, 'first'), (2, 'second'), (3, 'third');",
                "UPDATE notes SET body = upper(body) WHERE id >= 2;",
                "DELETE FROM notes WHERE id = 3;",
                "SELECT body FROM notes ORDER BY id;",
                ""));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SqlLine sqlline = new SqlLine();
    sqlline.setOutputStream(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
    sqlline.setErrorStream(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
    SqlLine.Status status =
        sqlline.begin(
            DeltaShell.sqllineArgs(new String[] {dir.toString(), "-f", script.toString()}),
            null,
            false);
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(SqlLine.Status.OK, status, text);
    assertTrue(text.contains("'1000'"), "five appends of 200 orders: " + text);
    assertTrue(text.contains("'400'"), "version 2 holds two appends: " + text);
    assertTrue(text.contains("'5'"), "five days of revenue per region: " + text);
    assertTrue(text.contains("daily_revenue") && text.contains("customers"), text);
    assertTrue(
        text.contains("'first'") && text.contains("'SECOND'") && !text.contains("THIRD"),
        "DDL, INSERT, UPDATE (on Spark) and DELETE from the shell: " + text);
  }
}
