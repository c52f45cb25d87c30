package io.pksorchestrator.simulator.web;

import io.pksorchestrator.simulator.SimulatedFoundation;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.MultipartAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The simulator's own web context: an embedded Tomcat with Spring MVC and Jackson only (no engine, no
 * datasource). Intentionally not annotated {@code @Configuration}, so the application's component scan
 * never picks it up; {@link SimulatorServer} registers it as the primary source of a separate context.
 */
@ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
    MultipartAutoConfiguration.class})
@Import({UaaController.class, PksController.class, BoshController.class, OpsManagerController.class,
    PrometheusController.class, TestEndpointsController.class})
public class SimulatorWebConfiguration {

  /** Serves only {@link SimulatorEndpoint} classes (they carry no Spring stereotype, see there). */
  @Bean
  WebMvcRegistrations simulatorHandlerMapping() {
    return new WebMvcRegistrations() {
      @Override
      public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new RequestMappingHandlerMapping() {
          @Override
          protected boolean isHandler(Class<?> beanType) {
            return AnnotatedElementUtils.hasAnnotation(beanType, SimulatorEndpoint.class);
          }
        };
      }
    };
  }

  @Bean
  WebMvcConfigurer simulatorGateway(SimulatedFoundation foundation) {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new GatewayInterceptor(foundation));
      }
    };
  }
}
