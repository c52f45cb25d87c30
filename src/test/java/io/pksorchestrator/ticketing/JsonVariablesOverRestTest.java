package io.pksorchestrator.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 4: a JSON variable (Spin {@code Json}, as {@code upgradeReport} is) read through {@code /engine-rest}
 * with the REST API's default {@code deserializeValues=true} is the JSON it holds, in the runtime and in the history
 * API (before: Jackson's bean view of the node, {@code {"boolean":false,"nodeType":"OBJECT",...}}).
 */
class JsonVariablesOverRestTest extends TicketingApiTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aJsonVariableComesOutAsItsJsonInRuntimeAndHistory() throws Exception {
    HttpResponse<String> created = post("/api/v1/cluster-requests", "ticketing", clusterJson("json-vars-1",
        "JSON-VARS-1"), Map.of());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
    String id = JSON.readTree(created.body()).get("operationId").asText();
    identityService.clearAuthentication();
    runtimeService.setVariable(id, "pksoJsonProbe", SpinValues.jsonValue(
        "{\"outcome\":\"upgraded\",\"clusters\":[{\"name\":\"web\",\"minutes\":12}]}").create());

    for (String path : new String[] {
        "/engine-rest/process-instance/" + id + "/variables/pksoJsonProbe",
        "/engine-rest/history/variable-instance?processInstanceId=" + id + "&variableName=pksoJsonProbe"}) {
      HttpResponse<String> read = get(path, "admin");
      assertThat(read.statusCode()).as(path + ": " + read.body()).isEqualTo(200);
      JsonNode body = JSON.readTree(read.body());
      JsonNode variable = body.isArray() ? body.get(0) : body;
      assertThat(variable.get("type").asText()).as(read.body()).isEqualTo("Json");
      JsonNode value = variable.get("value");
      assertThat(value.isObject()).as(read.body()).isTrue();
      assertThat(value.path("outcome").asText()).as(read.body()).isEqualTo("upgraded");
      assertThat(value.at("/clusters/0/minutes").asInt()).isEqualTo(12);
      assertThat(read.body()).as(path).doesNotContain("nodeType");
    }
  }
}
