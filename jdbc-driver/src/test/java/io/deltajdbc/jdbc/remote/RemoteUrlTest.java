package io.deltajdbc.jdbc.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deltajdbc.jdbc.internal.DeltaUrl;
import io.deltajdbc.jdbc.internal.remote.RemoteUrl;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * {@code jdbc:delta://host[:port][/catalog]} as the remote driver's properties; what a server would
 * never see (credentials as properties, the warehouse) and what it is sent (schema, readOnly).
 */
class RemoteUrlTest {
  static RemoteUrl remote(String url, String... props) {
    Properties info = new Properties();
    for (String p : props) {
      info.setProperty(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
    }
    DeltaUrl parsed = DeltaUrl.parse(url, info);
    assertTrue(RemoteUrl.isRemote(parsed), url);
    return RemoteUrl.of(parsed);
  }

  @Test
  void hostPortAndCatalogMakeTheServersAddress() {
    assertEquals("http://db.example:8765", remote("jdbc:delta://db.example").server().toString());
    assertEquals(
        "http://10.0.0.5:9000/sales",
        remote("jdbc:delta://10.0.0.5:9000/sales/").server().toString());
    assertEquals(
        "https://[::1]:8765/hr", remote("jdbc:delta://[::1]/hr;ssl=true").server().toString());
    RemoteUrl r = remote("jdbc:delta://h:1/c");
    assertEquals("http://h:1/c", r.properties().getProperty("url"));
    assertEquals("protobuf", r.properties().getProperty("serialization"));
    assertFalse(RemoteUrl.isRemote(DeltaUrl.parse("jdbc:delta:/tmp/wh", null)));
    assertFalse(RemoteUrl.isRemote(DeltaUrl.parse("jdbc:delta:hdfs://nn/wh", null)));
  }

  @Test
  void credentialsBecomeAvaticasAndOtherPropertiesGoToTheServer() {
    Properties p =
        remote(
                "jdbc:delta://h/c;schema=sales;auth=digest",
                "user=ann",
                "password=p;w'\"d",
                "readOnly=true",
                "truststore=/etc/trust.p12")
            .properties();
    assertEquals("ann", p.getProperty("avatica_user"));
    assertEquals("p;w'\"d", p.getProperty("avatica_password"));
    assertEquals("DIGEST", p.getProperty("authentication"));
    assertFalse(p.containsKey("user") || p.containsKey("password") || p.containsKey("auth"));
    assertEquals("sales", p.getProperty("schema"));
    assertEquals("true", p.getProperty("readOnly"));
    assertEquals("/etc/trust.p12", p.getProperty("truststore"));
    assertEquals(
        "BASIC", remote("jdbc:delta://h", "user=u").properties().getProperty("authentication"));
    assertFalse(remote("jdbc:delta://h").properties().containsKey("authentication"));
  }

  @Test
  void aMalformedAddressIsRefusedNamingIt() {
    for (String bad :
        new String[] {
          "jdbc:delta://", "jdbc:delta://h/a/b", "jdbc:delta://u:p@h/c", "jdbc:delta://h/c?x=1"
        }) {
      SQLException e =
          assertThrows(SQLException.class, () -> DriverManager.getConnection(bad), bad);
      assertEquals("08001", e.getSQLState(), bad);
      assertTrue(e.getMessage().contains("//"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> remote("jdbc:delta://h;auth=ntlm"));
  }

  @Test
  void nothingListeningIsAConnectionFailureNamingTheServer() {
    SQLException e =
        assertThrows(
            SQLException.class,
            () ->
                DriverManager.getConnection(
                    "jdbc:delta://127.0.0.1:1/c;http_connection_timeout=2000"));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("http://127.0.0.1:1/c"), e.getMessage());
  }
}
