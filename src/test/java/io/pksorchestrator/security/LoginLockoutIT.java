package io.pksorchestrator.security;

import static io.pksorchestrator.PlatformTestSupport.OPERATOR_PASSWORD;
import static io.pksorchestrator.PlatformTestSupport.basic;
import static io.pksorchestrator.PlatformTestSupport.get;
import static io.pksorchestrator.PlatformTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.PlatformApplicationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue #11, item 5: wrong passwords are no denial of service. An anonymous source that sends a dozen wrong
 * passwords for {@code operator} gets 429 with {@code Retry-After} after the fifth, on every login path, even with
 * the right password; the account waits at most {@code delay-max} (10 s) and is then usable from elsewhere; no
 * number of wrong passwords locks it for good. The attacker connects from 127.0.0.3 (a loopback address of its own,
 * as the server sees it), the operator from 127.0.0.1. Time is moved with the engine clock, not slept.
 */
class LoginLockoutIT extends PlatformApplicationTest {

  private static final String ATTACKER = "127.0.0.3";

  @Autowired IdentityService identityService;
  @Autowired LoginThrottle throttle;

  @AfterEach
  void restore() {
    ClockUtil.reset();
    throttle.clear();
    identityService.unlockUser("operator");
  }

  @Test
  void aDozenWrongPasswordsThrottleTheSourceAndDelayTheAccountAtMostTenSeconds() {
    List<Integer> statuses = new ArrayList<>();
    Raw last = null;
    for (int i = 0; i < 12; i++) {
      last = fromAttacker("GET", "/engine-rest/process-definition", basic("operator", "wrong-" + i), null);
      statuses.add(last.status);
    }
    assertThat(statuses.subList(0, 5)).containsOnly(401);
    assertThat(statuses.subList(5, 12)).containsOnly(429);
    assertThat(last.headers.get("retry-after")).isNotNull();
    assertThat(Integer.parseInt(last.headers.get("retry-after"))).isBetween(1, 60);
    assertThat(last.headers.get("content-type")).startsWith("application/problem+json");
    assertThat(last.body).contains("\"status\":429").contains("Retry-After");

    // the account waits no longer than the bound
    UserEntity operator = (UserEntity) identityService.createUserQuery().userId("operator").singleResult();
    long waitMillis = operator.getLockExpirationTime() == null ? 0
        : operator.getLockExpirationTime().getTime() - ClockUtil.getCurrentTime().getTime();
    assertThat(waitMillis).isLessThanOrEqualTo(10_000);
    ClockUtil.offset(11_000L);
    assertThat(send(get(url("/engine-rest/process-definition")).header("Authorization",
        basic("operator", OPERATOR_PASSWORD))).statusCode()).as("the operator, from elsewhere").isEqualTo(200);

    // the throttled source is refused on every login path, also with the right password
    assertThat(fromAttacker("GET", "/engine-rest/process-definition", basic("operator", OPERATOR_PASSWORD), null)
        .status).isEqualTo(429);
    assertThat(fromAttacker("GET", "/api/v1/operations", basic("admin", "guess"), null).status).isEqualTo(429);
    assertThat(fromAttacker("POST", "/camunda/api/admin/auth/user/default/login/tasklist", null,
        "username=operator&password=guess").status).isEqualTo(429);
    assertThat(fromAttacker("POST", "/engine-rest/identity/verify", basic("operator", OPERATOR_PASSWORD),
        "{\"username\":\"admin\",\"password\":\"guess\"}").status).isEqualTo(429);
    // its window passes
    ClockUtil.offset(61_000L);
    assertThat(fromAttacker("GET", "/engine-rest/process-definition", basic("operator", OPERATOR_PASSWORD), null)
        .status).isEqualTo(200);
  }

  @Test
  void noNumberOfWrongPasswordsLocksTheAccountForGood() {
    // more than Camunda's default loginMaxAttempts (10), each one counted (the clock passes every delay)
    long offset = 0;
    for (int i = 0; i < 15; i++) {
      assertThat(identityService.checkPassword("operator", "wrong-" + i)).isFalse();
      offset += 11_000L;
      ClockUtil.offset(offset);
    }
    UserEntity operator = (UserEntity) identityService.createUserQuery().userId("operator").singleResult();
    assertThat(operator.getAttempts()).isGreaterThanOrEqualTo(15);
    assertThat(identityService.checkPassword("operator", OPERATOR_PASSWORD)).isTrue();
  }

  @Test
  void theWebappLoginCountsToo() {
    // the login form's session and CSRF token, as a browser at the attacker's address would get them
    Raw page = fromAttacker("GET", "/camunda/app/tasklist/default/", null, null, Map.of());
    String session = page.headers.getOrDefault("set-cookie", "").split(";", 2)[0];
    Map<String, String> form = Map.of("Cookie", session, "X-XSRF-TOKEN", page.headers.getOrDefault("x-xsrf-token", ""));
    for (int i = 0; i < 5; i++) {
      Raw refused = fromAttacker("POST", "/camunda/api/admin/auth/user/default/login/tasklist", null,
          "username=operator&password=guess-" + i, form);
      assertThat(refused.status).as(refused.body).isEqualTo(401);
    }
    assertThat(fromAttacker("POST", "/camunda/api/admin/auth/user/default/login/tasklist", null,
        "username=operator&password=guess", form).status).isEqualTo(429);
    ClockUtil.offset(11_000L);
    assertThat(WebappSession.login(port, "operator", OPERATOR_PASSWORD, "tasklist").status())
        .as("the operator's own login, from elsewhere").isEqualTo(200);
  }

  /** One HTTP/1.1 exchange over a socket bound to the attacker's local address. */
  private Raw fromAttacker(String method, String path, String authorization, String body) {
    return fromAttacker(method, path, authorization, body, Map.of());
  }

  private Raw fromAttacker(String method, String path, String authorization, String body,
      Map<String, String> extraHeaders) {
    try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(ATTACKER), 0)) {
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
          + "\r\nConnection: close\r\nContent-Length: " + content.length + "\r\n");
      if (authorization != null) {
        request.append("Authorization: ").append(authorization).append("\r\n");
      }
      extraHeaders.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      if (body != null) {
        request.append("Content-Type: ").append(body.startsWith("{") ? "application/json"
            : "application/x-www-form-urlencoded").append("\r\n");
      }
      OutputStream out = socket.getOutputStream();
      out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return Raw.parse(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Raw(int status, Map<String, String> headers, String body) {
    static Raw parse(InputStream in) throws IOException {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String[] lines = text.substring(0, end).split("\r\n");
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
      }
      return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
    }
  }
}
