package io.pksorchestrator.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import io.pksorchestrator.PlatformTestSupport;

/** A Camunda webapp login (as the Tasklist login page does it): status, session cookie and CSRF token. */
record WebappSession(int status, String cookie, String csrfToken) {

  static WebappSession login(int port, String user, String password, String app) {
    String base = "http://localhost:" + port;
    // first request: obtain the session and XSRF cookie the CSRF filter demands for the login POST
    HttpResponse<String> start = PlatformTestSupport.send(PlatformTestSupport.get(base + "/camunda/app/tasklist/default/"));
    String cookies = cookies(start.headers().allValues("Set-Cookie"));
    String token = start.headers().firstValue("X-XSRF-TOKEN").orElse(csrf(cookies));
    HttpResponse<String> r = PlatformTestSupport.send(HttpRequest.newBuilder(URI.create(
            base + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", cookies).header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password))));
    // the login renews the session id: keep the new JSESSIONID and the XSRF token of the first response
    String renewed = cookies(r.headers().allValues("Set-Cookie"));
    String newToken = r.headers().firstValue("X-XSRF-TOKEN").orElse(csrf(renewed).isEmpty() ? token : csrf(renewed));
    String all = renewed.contains("JSESSIONID=") ? renewed.replaceAll("; ?XSRF-TOKEN=[^;]*", "")
        + "; XSRF-TOKEN=" + newToken : cookies;
    if (r.statusCode() == 200) {
      // the renewed session may not hold a CSRF token yet: a reading request makes the filter issue one
      HttpResponse<String> page = PlatformTestSupport.send(PlatformTestSupport.get(
          base + "/camunda/app/tasklist/default/").header("Cookie", all));
      String issued = page.headers().firstValue("X-XSRF-TOKEN")
          .orElse(csrf(cookies(page.headers().allValues("Set-Cookie"))));
      if (!issued.isEmpty()) {
        newToken = issued;
        all = all.replaceAll("; ?XSRF-TOKEN=[^;]*", "") + "; XSRF-TOKEN=" + newToken;
      }
    }
    return new WebappSession(r.statusCode(), all, newToken);
  }

  private static String cookies(List<String> setCookies) {
    return setCookies.stream().map(c -> c.split(";", 2)[0]).collect(Collectors.joining("; "));
  }

  private static String csrf(String cookies) {
    for (String c : cookies.split(";\\s*")) {
      if (c.startsWith("XSRF-TOKEN=")) {
        return c.substring("XSRF-TOKEN=".length());
      }
    }
    return "";
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
