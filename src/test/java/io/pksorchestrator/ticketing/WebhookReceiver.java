package io.pksorchestrator.ticketing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** A loopback HTTP server recording webhook calls; can answer 500 to the first N calls. */
final class WebhookReceiver {

  /** One received call. */
  record Call(String body, Map<String, List<String>> headers, int answeredStatus) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  final List<Call> calls = new CopyOnWriteArrayList<>();
  /** Number of 500 answers still to give to calls whose body contains the key (e.g. a ticket id). */
  final Map<String, AtomicInteger> failuresFor = new java.util.concurrent.ConcurrentHashMap<>();
  private final HttpServer server;

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      boolean fail = failuresFor.entrySet().stream().anyMatch(
          e -> body.contains(e.getKey()) && e.getValue().getAndUpdate(n -> Math.max(n - 1, 0)) > 0);
      int status = fail ? 500 : 204;
      calls.add(new Call(body, Map.copyOf(exchange.getRequestHeaders()), status));
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  /** Calls whose body mentions the operation id, in arrival order. */
  List<Call> callsFor(String operationId) {
    return calls.stream().filter(c -> c.body().contains(operationId)).collect(Collectors.toList());
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }
}
