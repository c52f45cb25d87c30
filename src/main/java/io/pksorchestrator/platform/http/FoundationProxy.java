package io.pksorchestrator.platform.http;

import io.pksorchestrator.platform.FoundationProperties;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The HTTP proxy of one foundation. A proxy configured for the foundation ({@code proxy.url}) carries every call
 * except to the hosts of {@code proxy.no-proxy}. Without it, the environment decides as it does for {@code om}
 * (Go's {@code http.ProxyFromEnvironment}): {@code HTTPS_PROXY} for https URLs, {@code HTTP_PROXY} for http URLs,
 * upper case before lower case, {@code NO_PROXY} exceptions, and loopback hosts ({@code localhost},
 * {@code 127.0.0.0/8}, {@code ::1}) never proxied, so a local simulator is reached directly. HTTPS goes through
 * the proxy in a {@code CONNECT} tunnel ({@code java.net.http}); only {@code http://} proxies without credentials
 * are supported.
 */
final class FoundationProxy extends ProxySelector {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final URI configured;
  private final List<String> configuredNoProxy;
  private final URI httpProxy;
  private final URI httpsProxy;
  private final List<String> environmentNoProxy;

  private FoundationProxy(URI configured, List<String> configuredNoProxy, URI httpProxy, URI httpsProxy,
      List<String> environmentNoProxy) {
    this.configured = configured;
    this.configuredNoProxy = configuredNoProxy;
    this.httpProxy = httpProxy;
    this.httpsProxy = httpsProxy;
    this.environmentNoProxy = environmentNoProxy;
  }

  /**
   * The proxy selector of a foundation; the environment is read once, here (as Go reads it once per process).
   *
   * @param environment {@code System::getenv} in production
   * @throws IllegalStateException when a proxy variable names something other than an {@code http://} proxy
   */
  static FoundationProxy of(String foundation, FoundationProperties.Proxy proxy, Function<String, String> environment) {
    if (proxy.url() != null) {
      return new FoundationProxy(proxy.url(), proxy.noProxy(), null, null, List.of());
    }
    if (!proxy.fromEnvironment()) {
      return new FoundationProxy(null, List.of(), null, null, List.of());
    }
    return new FoundationProxy(null, List.of(),
        environmentProxy(foundation, "HTTP_PROXY", environment), environmentProxy(foundation, "HTTPS_PROXY", environment),
        split(firstSet(environment, "NO_PROXY")));
  }

  /** Whether any proxy may be used at all (for the start-up log). */
  boolean isActive() {
    return configured != null || httpProxy != null || httpsProxy != null;
  }

  @Override
  public List<Proxy> select(URI uri) {
    String host = uri.getHost() == null ? "" : stripBrackets(uri.getHost().toLowerCase(Locale.ROOT));
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    URI proxy;
    if (configured != null) {
      proxy = bypass(configuredNoProxy, host, port) ? null : configured;
    } else {
      boolean loopback = host.equals("localhost") || isLoopbackAddress(host);
      proxy = loopback || bypass(environmentNoProxy, host, port) ? null
          : "https".equalsIgnoreCase(uri.getScheme()) ? httpsProxy : httpProxy;
    }
    if (proxy == null) {
      return List.of(Proxy.NO_PROXY);
    }
    int proxyPort = proxy.getPort() >= 0 ? proxy.getPort() : 80;
    return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.getHost(), proxyPort)));
  }

  @Override
  public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
    // nothing to remember: the failure reaches the caller as a retryable exception
  }

  /** Go's NO_PROXY rules: {@code *}; an IP; a CIDR block; a domain and its subdomains; {@code .domain} subdomains only. */
  static boolean bypass(List<String> noProxy, String host, int port) {
    for (String raw : noProxy) {
      String entry = raw.trim().toLowerCase(Locale.ROOT);
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.equals("*")) {
        return true;
      }
      if (entry.contains("/")) {
        if (inCidr(entry, host)) {
          return true;
        }
        continue;
      }
      int entryPort = -1;
      int colon = entry.lastIndexOf(':');
      if (colon > 0 && entry.indexOf(':') == colon && entry.substring(colon + 1).matches("\\d+")) {
        entryPort = Integer.parseInt(entry.substring(colon + 1));
        entry = entry.substring(0, colon);
      }
      entry = stripBrackets(entry);
      if (entryPort >= 0 && entryPort != port) {
        continue;
      }
      if (entry.startsWith("*.")) {
        entry = entry.substring(1);
      }
      boolean match = entry.startsWith(".") ? host.endsWith(entry)
          : host.equals(entry) || host.endsWith("." + entry);
      if (match) {
        return true;
      }
    }
    return false;
  }

  private static URI environmentProxy(String foundation, String name, Function<String, String> environment) {
    String value = firstSet(environment, name);
    if (value == null) {
      return null;
    }
    URI uri = URI.create(value.contains("://") ? value : "http://" + value);
    if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw new IllegalStateException("Foundation '" + foundation + "': " + name + " must name an http://host:port "
          + "proxy without credentials (HTTPS goes through it in a tunnel); set pkso.foundations." + foundation
          + ".proxy.url, or proxy.from-environment=false to ignore the environment");
    }
    return uri;
  }

  private static String firstSet(Function<String, String> environment, String name) {
    for (String candidate : new String[] {name, name.toLowerCase(Locale.ROOT)}) {
      String value = environment.apply(candidate);
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return null;
  }

  private static List<String> split(String value) {
    return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .toList();
  }

  private static String stripBrackets(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static boolean isLiteralIp(String host) {
    return IPV4.matcher(host).matches() || host.contains(":");
  }

  private static boolean isLoopbackAddress(String host) {
    return isLiteralIp(host) && address(host) != null && address(host).isLoopbackAddress();
  }

  /** A literal IP address (never a DNS lookup: only called for IP literals). */
  private static InetAddress address(String literal) {
    try {
      return isLiteralIp(literal) ? InetAddress.getByName(literal) : null;
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static boolean inCidr(String cidr, String host) {
    int slash = cidr.indexOf('/');
    InetAddress net = address(cidr.substring(0, slash));
    InetAddress ip = address(host);
    if (net == null || ip == null || net.getAddress().length != ip.getAddress().length) {
      return false;
    }
    int bits;
    try {
      bits = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      return false;
    }
    int total = net.getAddress().length * 8;
    if (bits < 0 || bits > total) {
      return false;
    }
    BigInteger mask = bits == 0 ? BigInteger.ZERO
        : BigInteger.ONE.shiftLeft(total).subtract(BigInteger.ONE).shiftRight(total - bits).shiftLeft(total - bits);
    return new BigInteger(1, net.getAddress()).and(mask).equals(new BigInteger(1, ip.getAddress()).and(mask));
  }

  @Override
  public String toString() {
    return configured != null ? "proxy " + configured + " (no-proxy " + configuredNoProxy + ")"
        : "environment proxies http=" + httpProxy + " https=" + httpsProxy + " (NO_PROXY " + environmentNoProxy + ")";
  }
}
