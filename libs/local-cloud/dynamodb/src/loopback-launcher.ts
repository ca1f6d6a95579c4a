// The Java program that runs DynamoDB Local bound to loopback, kept as text so it travels inside any bundle of this
// library; spawn-dynamodb-local.ts compiles it once per content and Java version and caches the class.
export const LOOPBACK_LAUNCHER_CLASS = 'LoopbackDynamoDbLocal';

export const LOOPBACK_LAUNCHER_SOURCE = `import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local with its listener bound to the loopback address only. DynamoDB Local has no bind-address option:
 * its Jetty server is built with a port alone, so it listens on every interface (IPv4 and IPv6) and anyone on the
 * same network could read and change every table. This builds the server from the same command-line arguments,
 * binds its connectors to 127.0.0.1 before they open, then starts it as DynamoDB Local's own main does.
 * Loopback alone does not stop a DNS-rebinding web page (it reaches 127.0.0.1 under its own name), so requests
 * whose Host is not a loopback name on this port, nor one of harbor.dynamodb.allowedHosts, are refused with 403:
 * the same rule as the local cloud's own listeners (apps/local-cloud/src/http/host-policy.ts).
 */
public final class LoopbackDynamoDbLocal {
  private static final Pattern HOST = Pattern.compile("^(\\\\[[0-9a-fA-F:.]+\\\\]|[^:\\\\[\\\\]]+)(?::(\\\\d{1,5}))?$");

  static boolean answers(String hostHeader, int port, List<String> allowed) {
    if (hostHeader == null) return false;
    Matcher match = HOST.matcher(hostHeader.trim());
    if (!match.matches()) return false;
    String name = match.group(1).toLowerCase(Locale.ROOT);
    int named = match.group(2) == null ? 80 : Integer.parseInt(match.group(2));
    for (String entry : allowed) {
      if (entry.startsWith(".") ? name.equals(entry.substring(1)) || name.endsWith(entry) : name.equals(entry)) return true;
    }
    boolean loopback = name.equals("localhost") || name.endsWith(".localhost") || name.equals("[::1]")
        || name.matches("^127\\\\.\\\\d{1,3}\\\\.\\\\d{1,3}\\\\.\\\\d{1,3}$");
    return loopback && named == port;
  }

  /** A request whose body was read in full: handlers downstream read it as one last chunk. */
  static final class WholeBodyRequest extends Request.Wrapper {
    private Content.Chunk next;

    WholeBodyRequest(Request request, ByteBuffer body) {
      super(request);
      next = Content.Chunk.from(body, true);
    }

    @Override
    public Content.Chunk read() {
      Content.Chunk chunk = next;
      next = Content.Chunk.EOF;
      return chunk;
    }

    @Override
    public void demand(Runnable demandCallback) {
      demandCallback.run();
    }
  }

  static boolean refuse(Response response, Callback callback, int status, String title, String code, String detail) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
    Content.Sink.write(response, true, "{\\"type\\":\\"about:blank\\",\\"title\\":\\"" + title + "\\",\\"status\\":" + status
        + ",\\"code\\":\\"" + code + "\\",\\"detail\\":\\"" + detail + "\\"}", callback);
    return true;
  }

  public static void main(String[] args) throws Exception {
    String host = System.getProperty("harbor.dynamodb.host", "127.0.0.1");
    List<String> allowed = Arrays.stream(System.getProperty("harbor.dynamodb.allowedHosts", "").split(","))
        .map(name -> name.trim().toLowerCase(Locale.ROOT)).filter(name -> !name.isEmpty()).toList();
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    Connector[] connectors = server.getConnectors();
    if (connectors.length == 0) throw new IllegalStateException("DynamoDB Local built no connector to bind");
    for (Connector connector : connectors) {
      if (!(connector instanceof ServerConnector)) {
        throw new IllegalStateException("DynamoDB Local built a connector that cannot be bound: " + connector);
      }
      ((ServerConnector) connector).setHost(host);
    }
    int port = ((ServerConnector) connectors[0]).getPort();
    server.setHandler(new Handler.Wrapper(server.getHandler()) {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String hostHeader = request.getHeaders().get(HttpHeader.HOST);
        if (!answers(hostHeader, port, allowed)) {
          return refuse(response, callback, 403, "Host not allowed", "LOCAL.HOST_NOT_ALLOWED",
              "DynamoDB Local answers only loopback hosts (127.0.0.1, [::1], localhost) on port " + port
              + ", so that a web page cannot reach it by DNS rebinding. To allow a host on purpose, start with"
              + " --allowed-hosts (HARBOR_ALLOWED_HOSTS).");
        }
        // DynamoDB Local answers 500 to a body it cannot read (broken chunked framing, a client gone mid-body):
        // read it here, so that is the client's 400 and DynamoDB Local only ever sees whole bodies.
        ByteBuffer body;
        try {
          body = Content.Source.asByteBuffer(request);
        } catch (Exception unreadable) {
          return refuse(response, callback, 400, "Unreadable body", "LOCAL.UNREADABLE_BODY",
              "The request body could not be read: its framing is broken or it ended early.");
        }
        return super.handle(new WholeBodyRequest(request, body), response, callback);
      }
    });
    proxy.start();
    System.out.println("DynamoDB Local listening on " + host + " only");
  }
}
`;
