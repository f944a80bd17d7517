package io.deltajdbc.jdbc.internal.remote;

import java.io.IOException;
import org.apache.calcite.avatica.proto.Common.WireMessage;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service.Request;
import org.apache.calcite.avatica.remote.Service.Response;

/**
 * Avatica's protobuf translation with the wire's message names as a server expects them. Each
 * message on the wire is named by its Java class ({@code
 * org.apache.calcite.avatica.proto.Requests$OpenConnectionRequest}); in the standalone jar those
 * classes live under {@code io.deltajdbc.shaded}, and a server would not know the names. Requests
 * leave with Avatica's own package, responses are read back under this jar's. On an ordinary class
 * path both packages are the same and nothing is rewritten.
 */
final class WireNames implements ProtobufTranslation {
  /**
   * Avatica's package for its protobuf messages, built at run time: the standalone jar's relocation
   * rewrites string constants that name Calcite's packages, and this one must stay.
   */
  static final String WIRE_PACKAGE =
      String.join(".", "org", "apache", "calcite", "avatica", "proto");

  /** The package the running copy of Avatica's messages is in. */
  static final String LOCAL_PACKAGE = WireMessage.class.getPackageName();

  private final ProtobufTranslation delegate = new ProtobufTranslationImpl();

  /** {@code name} with its package {@code from} replaced by {@code to}. */
  static String renamed(String name, String from, String to) {
    return name.startsWith(from + ".") ? to + name.substring(from.length()) : name;
  }

  private static byte[] rename(byte[] bytes, String from, String to) throws IOException {
    if (from.equals(to)) {
      return bytes;
    }
    WireMessage m = WireMessage.parseFrom(bytes);
    String name = renamed(m.getName(), from, to);
    if (name.equals(m.getName())) {
      return bytes;
    }
    return m.toBuilder().setName(name).build().toByteArray();
  }

  @Override
  public byte[] serializeRequest(Request request) throws IOException {
    return rename(delegate.serializeRequest(request), LOCAL_PACKAGE, WIRE_PACKAGE);
  }

  @Override
  public Response parseResponse(byte[] bytes) throws IOException {
    return delegate.parseResponse(rename(bytes, WIRE_PACKAGE, LOCAL_PACKAGE));
  }

  @Override
  public byte[] serializeResponse(Response response) throws IOException {
    return rename(delegate.serializeResponse(response), LOCAL_PACKAGE, WIRE_PACKAGE);
  }

  @Override
  public Request parseRequest(byte[] bytes) throws IOException {
    return delegate.parseRequest(rename(bytes, WIRE_PACKAGE, LOCAL_PACKAGE));
  }
}
