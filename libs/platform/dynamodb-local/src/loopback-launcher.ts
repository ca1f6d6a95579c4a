// The Java program that runs DynamoDB Local bound to loopback, kept as text so it travels inside any bundle of this
// library; spawn-dynamodb-local.ts compiles it once per content and Java version and caches the class.
export const LOOPBACK_LAUNCHER_CLASS = 'LoopbackDynamoDbLocal';

export const LOOPBACK_LAUNCHER_SOURCE = `import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local with its listener bound to the loopback address only. DynamoDB Local has no bind-address option:
 * its Jetty server is built with a port alone, so it listens on every interface (IPv4 and IPv6) and anyone on the
 * same network could read and change every table. This builds the server from the same command-line arguments,
 * binds its connectors to 127.0.0.1 before they open, then starts it as DynamoDB Local's own main does.
 */
public final class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    String host = System.getProperty("harbor.dynamodb.host", "127.0.0.1");
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
    proxy.start();
    System.out.println("DynamoDB Local listening on " + host + " only");
  }
}
`;
