package io.pksorchestrator.platform.http;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP forward proxy for tests, on a loopback port: absolute-form requests ({@code GET http://host:port/..})
 * are forwarded one per connection, {@code CONNECT host:port} opens a tunnel. It records what it was asked for, and
 * it connects only to 127.0.0.1: host names ending in {@code .pkso.test} (never resolvable by DNS) and
 * {@code localhost} are mapped there, anything else is refused (502). So a client that reaches a
 * {@code *.pkso.test} URL at all must have gone through this proxy.
 */
final class ForwardingProxy implements Closeable {

  /** What the proxy was asked for: {@code CONNECT host:port} or {@code GET http://host:port/path}. */
  final List<String> requests = new CopyOnWriteArrayList<>();

  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "test-forwarding-proxy");
    t.setDaemon(true);
    return t;
  });

  ForwardingProxy() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.submit(this::acceptLoop);
  }

  int port() {
    return server.getLocalPort();
  }

  String url() {
    return "http://127.0.0.1:" + port();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        threads.submit(() -> handle(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void handle(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      String head = readHead(in);
      String requestLine = head.substring(0, head.indexOf("\r\n"));
      String[] parts = requestLine.split(" ");
      requests.add(parts[0] + " " + parts[1]);
      if (parts[0].equals("CONNECT")) {
        String[] hostPort = parts[1].split(":");
        try (Socket target = connect(hostPort[0], Integer.parseInt(hostPort[1]), out)) {
          if (target == null) {
            return;
          }
          out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          pipeBothWays(client, target);
        }
        return;
      }
      URI uri = URI.create(parts[1]);
      try (Socket target = connect(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(), out)) {
        if (target == null) {
          return;
        }
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String rest = head.substring(head.indexOf("\r\n") + 2).replaceAll("(?im)^(proxy-)?connection:.*\r\n", "");
        String forwarded = parts[0] + " " + path + " " + parts[2] + "\r\n" + "Connection: close\r\n" + rest;
        target.getOutputStream().write(forwarded.getBytes(StandardCharsets.ISO_8859_1));
        threads.submit(() -> copy(in, target));
        InputStream fromTarget = target.getInputStream();
        String responseHead = readHead(fromTarget).replaceAll("(?im)^connection:.*\r\n", "");
        out.write((responseHead.substring(0, responseHead.length() - 2) + "Connection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        fromTarget.transferTo(out);
        out.flush();
      }
    } catch (IOException | RuntimeException e) {
      // the client or the target went away: nothing to do in a test proxy
    }
  }

  private static Socket connect(String host, int port, OutputStream out) throws IOException {
    String h = host.toLowerCase(Locale.ROOT);
    if (!h.endsWith(".pkso.test") && !h.equals("localhost") && !h.equals("127.0.0.1")) {
      out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      return null;
    }
    return new Socket(InetAddress.getLoopbackAddress(), port);
  }

  private void pipeBothWays(Socket client, Socket target) throws IOException {
    var upstream = threads.submit(() -> copy(client.getInputStream(), target));
    try {
      target.getInputStream().transferTo(client.getOutputStream());
    } finally {
      upstream.cancel(true);
    }
  }

  private static Void copy(InputStream from, Socket to) {
    try {
      from.transferTo(to.getOutputStream());
      to.shutdownOutput();
    } catch (IOException ignored) {
      // one side closed
    }
    return null;
  }

  /** Reads up to and including the blank line that ends an HTTP head. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
          ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    throw new IOException("connection closed before the end of the HTTP head");
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
