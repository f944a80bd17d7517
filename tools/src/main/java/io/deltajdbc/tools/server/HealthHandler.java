package io.deltajdbc.tools.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;

/**
 * {@code GET /health}: 200 and {@code {"status":"UP",...}} while the server takes connections, 503
 * and {@code STOPPING} once it is shutting down. It needs no authentication and tells nothing but
 * the status and the number of open connections.
 */
final class HealthHandler extends AbstractHandler {
  static final String PATH = "/health";

  /**
   * What the endpoint reports.
   *
   * @param up whether the server takes connections
   * @param connections the connections open now
   */
  record Status(boolean up, int connections) {}

  private final Supplier<Status> status;

  HealthHandler(Supplier<Status> status) {
    this.status = status;
  }

  @Override
  public void handle(
      String target, Request base, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!PATH.equals(target)) {
      return;
    }
    base.setHandled(true);
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    Status s = status.get();
    response.setStatus(
        s.up() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setContentType("application/json;charset=utf-8");
    String body =
        "{\"status\":\""
            + (s.up() ? "UP" : "STOPPING")
            + "\",\"connections\":"
            + s.connections()
            + "}";
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
