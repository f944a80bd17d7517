package io.deltajdbc.tools.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * The outermost handler: refuses request bodies above the limit (413) before they are read, keeps
 * the request's path for {@link #pathCatalog}, and logs each request that authentication refused
 * (401, 403) with the user name it gave, never its password.
 */
final class RequestGate extends HandlerWrapper {
  private static final Pattern DIGEST_USER = Pattern.compile("username=\"([^\"]*)\"");

  private static final ThreadLocal<String> PATH = new ThreadLocal<>();

  private final AccessLog log;
  private final long maxRequestBytes;

  RequestGate(AccessLog log, long maxRequestBytes) {
    this.log = log;
    this.maxRequestBytes = maxRequestBytes;
  }

  @Override
  public void handle(
      String target, Request base, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (request.getContentLengthLong() > maxRequestBytes) {
      base.setHandled(true);
      response.sendError(
          HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          "A request of the server is at most " + maxRequestBytes + " bytes");
      return;
    }
    PATH.set(target);
    try {
      super.handle(target, base, request, response);
    } finally {
      PATH.remove();
    }
    int status = response.getStatus();
    if (status == HttpServletResponse.SC_UNAUTHORIZED
        || status == HttpServletResponse.SC_FORBIDDEN) {
      String header = request.getHeader("Authorization");
      if (header != null) { // without one, a 401 is the challenge that asks for credentials
        log.refused(status, userOf(header), request.getRemoteAddr(), target);
      }
    }
  }

  /**
   * The catalog the running request's path names ({@code http://host:port/sales}), if it names one:
   * a client's way to choose a catalog in its URL, since Avatica's remote driver sends the URL's
   * own properties to no server.
   */
  static Optional<String> pathCatalog() {
    String p = PATH.get();
    if (p == null) {
      return Optional.empty();
    }
    String name = p.replaceAll("^/+|/+$", "");
    return name.isEmpty() ? Optional.empty() : Optional.of(name);
  }

  /** The user name an Authorization header gives, or null. */
  static String userOf(String header) {
    String lower = header.toLowerCase(Locale.ROOT);
    if (lower.startsWith("basic ")) {
      try {
        String decoded =
            new String(
                Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : decoded.substring(0, colon);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    if (lower.startsWith("digest ")) {
      Matcher m = DIGEST_USER.matcher(header);
      return m.find() ? m.group(1) : null;
    }
    return null;
  }
}
