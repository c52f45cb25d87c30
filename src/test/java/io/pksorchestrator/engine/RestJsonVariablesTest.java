package io.pksorchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/**
 * The REST API's object mapper ({@link RestJsonVariables}) is built once, not at every call (the REST layer asks for
 * it several times per request, docs/platform.md "Start throughput"), and again only when Camunda's date format
 * changes; it still writes Spin JSON nodes as their JSON and dates in Camunda's format.
 */
class RestJsonVariablesTest {

  @Test
  void oneMapperServesEveryCallAndWritesSpinJsonAsJson() throws Exception {
    var resolver = new RestJsonVariables.SpinJsonAwareObjectMapper();
    ObjectMapper first = resolver.getContext(Object.class);
    assertThat(resolver.getContext(Map.class)).isSameAs(first);
    assertThat(first.writeValueAsString(Map.of("report", Spin.JSON("{\"outcome\":\"upgraded\"}"))))
        .isEqualTo("{\"report\":{\"outcome\":\"upgraded\"}}");
    Date date = new Date(0);
    assertThat(first.writeValueAsString(date))
        .isEqualTo("\"" + new SimpleDateFormat(JacksonConfigurator.dateFormatString).format(date) + "\"");
  }

  @Test
  void aChangedDateFormatGivesANewMapperWithIt() throws Exception {
    var resolver = new RestJsonVariables.SpinJsonAwareObjectMapper();
    ObjectMapper before = resolver.getContext(Object.class);
    String configured = JacksonConfigurator.dateFormatString;
    try {
      JacksonConfigurator.setDateFormatString("yyyy-MM-dd");
      ObjectMapper after = resolver.getContext(Object.class);
      assertThat(after).isNotSameAs(before);
      assertThat(after.writeValueAsString(new Date(0))).isEqualTo("\""
          + new SimpleDateFormat("yyyy-MM-dd").format(new Date(0)) + "\"");
    } finally {
      JacksonConfigurator.setDateFormatString(configured);
    }
  }
}
