package io.pksorchestrator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.simulator.SimHttp.Reply;
import io.pksorchestrator.simulator.web.SimulatorServer;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 4: the simulator's {@code /_sim} controls are not an open door. Without the control token every
 * control answers 401 and changes nothing, whatever the spelling of the path; with the token, anything but JSON
 * (the content types of cross-site form posts) is refused with 415; the server listens on loopback only.
 */
class SimulatorControlsSecurityTest extends SimulatorHttpTestBase {

  /** Every control, as (method, path) pairs. */
  private static final List<String[]> CONTROLS = List.of(
      new String[] {"GET", "/_sim/clock"}, new String[] {"POST", "/_sim/clock/pause"},
      new String[] {"POST", "/_sim/clock/resume"}, new String[] {"POST", "/_sim/clock/advance?by=PT1H"},
      new String[] {"POST", "/_sim/clock/speed?value=600"}, new String[] {"GET", "/_sim/faults"},
      new String[] {"POST", "/_sim/faults"}, new String[] {"DELETE", "/_sim/faults"},
      new String[] {"GET", "/_sim/serving/web-staging"}, new String[] {"POST", "/_sim/reset"});



  @Test
  void everyControlNeedsTheTokenAndChangesNothingWithoutIt() {
    for (String token : new String[] {null, "", "wrong-" + sim.foundation.controlToken(),
        sim.foundation.controlToken().substring(1)}) {
      for (String[] control : CONTROLS) {
        Reply reply = raw(control[0], control[1], token, "application/json", "{\"type\":\"bosh-task-error\"}");
        assertThat(reply.status()).as(control[0] + " " + control[1] + " with token " + token).isEqualTo(401);
        assertThat(reply.body()).contains("X-Sim-Token");
      }
    }
    assertThat(sim.foundation.clock().isPaused()).as("pause/resume not applied").isTrue();
    assertThat(sim.foundation.clock().speed()).isEqualTo(60);
    assertThat(sim.foundation.faults().describe().get("boshTaskErrors")).isEqualTo(0);
  }

  @Test
  void otherSpellingsOfThePathReachTheSameCheck() {
    sim.foundation.faults().failNextBoshTasks(2);
    for (String path : new String[] {"/%5Fsim/reset", "/%5fsim/reset", "//_sim/reset", "/_sim//reset",
        "/_sim/./reset", "/_sim/reset/", "/_sim;x=1/reset", "/_SIM/reset"}) {
      Reply reply = raw("POST", path, null, "application/json", "{}");
      assertThat(reply.status()).as(path).isNotEqualTo(200).isBetween(400, 499);
    }
    assertThat(sim.foundation.faults().describe().get("boshTaskErrors")).as("no reset happened").isEqualTo(2);
  }

  @Test
  void withTheTokenOnlyJsonIsAccepted() {
    String token = sim.foundation.controlToken();
    for (String type : new String[] {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "text/plain", "text/plain; charset=utf-8", "application/xml", "*/*", "application/*"}) {
      Reply reply = raw("POST", "/_sim/faults", token, type, "{\"type\":\"bosh-task-error\",\"count\":1}");
      assertThat(reply.status()).as(type).isEqualTo(415);
      assertThat(raw("POST", "/_sim/clock/advance?by=PT1H", token, type, "").status()).as(type).isEqualTo(415);
    }
    assertThat(raw("POST", "/_sim/reset", token, null, null).status()).as("no content type").isEqualTo(415);
    assertThat(sim.foundation.faults().describe().get("boshTaskErrors")).isEqualTo(0);

    assertThat(raw("POST", "/_sim/faults", token, "application/json", "{\"type\":\"bosh-task-error\",\"count\":1}")
        .status()).isEqualTo(200);
    assertThat(raw("POST", "/_sim/faults", token, "application/json; charset=UTF-8",
        "{\"type\":\"bosh-task-error\",\"count\":1}").status()).isEqualTo(200);
    assertThat(sim.foundation.faults().describe().get("boshTaskErrors")).isEqualTo(2);
    assertThat(raw("GET", "/_sim/clock", token, null, null).status()).as("GET needs no content type").isEqualTo(200);
  }

  @Test
  void theSimulatedApisNeedNoControlToken() {
    assertThat(raw("GET", "/lab/opsman/api/v0/info", null, null, null).status()).isEqualTo(200);
  }

  @Test
  void listensOnLoopbackOnly() throws IOException {
    assertThat(new SimulatorProperties().getBindAddress()).isEqualTo("127.0.0.1");
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), sim.server.port()), 2000);
      assertThat(s.isConnected()).isTrue();
    }
    Optional<InetAddress> external = nonLoopbackAddress();
    Assumptions.assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to try");
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(external.get(), sim.server.port()), 2000);
      throw new AssertionError("the simulator answered on " + external.get());
    } catch (IOException expected) {
      assertThat(expected).hasMessageContaining("refused");
    }
  }

  private Reply raw(String method, String path, String token, String contentType, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.http.base + path)).timeout(Duration.ofSeconds(10))
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (token != null) {
      b.header(SimulatorServer.CONTROL_TOKEN_HEADER, token);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return sim.http.sendRaw(b);
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }
}
