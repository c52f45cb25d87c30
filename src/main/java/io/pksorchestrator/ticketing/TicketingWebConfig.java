package io.pksorchestrator.ticketing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Web wiring of the ticketing API: strict JSON reading, body size limit, OpenAPI description. */
@Configuration
@EnableScheduling
public class TicketingWebConfig implements WebMvcConfigurer {

  private final ObjectMapper objectMapper;

  public TicketingWebConfig(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    // First, so it wins over the lenient default converter for ticketing request bodies only.
    converters.add(0, new StrictJsonMessageConverter(objectMapper));
  }

  @Bean
  FilterRegistrationBean<BodySizeLimitFilter> ticketingBodySizeLimit(TicketingProperties properties) {
    var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(properties.maxBodySize().toBytes()));
    registration.addUrlPatterns("/api/v1/*");
    registration.setName("ticketingBodySizeLimit");
    return registration;
  }

  @Bean
  OpenAPI pksOrchestratorOpenApi() {
    return new OpenAPI()
        .info(new Info().title("pks-orchestrator API").version("v1")
            .description("Request cluster creations, resizes and stemcell upgrades from a ticketing system and follow"
                + " them. See docs/ticketing-api.md for idempotency, errors and signed callbacks."))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("A Camunda identity user; group ticketing or camunda-admin may request operations,"
                    + " platform-operators may read them.")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
