package io.pksorchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The production shape in docker-compose.yml (no Docker engine here, so the file is checked, not run). */
class DockerComposeTest {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> services() throws Exception {
    try (Reader r = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
      Map<String, Object> compose = new Yaml().load(r);
      return (Map<String, Object>) compose.get("services");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void postgresTwoNodesAndAStickyLoadBalancer() throws Exception {
    Map<String, Object> services = services();
    assertThat(services).containsKeys("postgres", "node1", "node2", "loadbalancer");
    for (String node : List.of("node1", "node2")) {
      Map<String, Object> n = (Map<String, Object>) services.get(node);
      assertThat(n.get("env_file")).as(node).isEqualTo(".env");
      assertThat((Map<String, Object>) n.get("environment")).as(node)
          .containsEntry("SPRING_PROFILES_ACTIVE", "postgres").containsKey("PKSO_DB_URL");
      assertThat(n).as(node).containsKeys("healthcheck", "build");
      assertThat(n.get("healthcheck").toString()).doesNotContain("PASSWORD");
    }
    assertThat(((Map<String, Object>) services.get("node2")).get("depends_on").toString())
        .as("the second node starts once the first has migrated the schema").contains("node1");
    assertThat((Map<String, Object>) services.get("postgres")).containsKeys("healthcheck", "env_file");
    Map<String, Object> lb = (Map<String, Object>) services.get("loadbalancer");
    assertThat(lb).containsKey("healthcheck");
    assertThat(lb.get("volumes").toString()).contains("deploy/nginx.conf");
    String nginx = Files.readString(Path.of("deploy/nginx.conf"));
    assertThat(nginx).contains("ip_hash;").contains("server node1:8080").contains("server node2:8080");
  }

  @Test
  void secretsStayOutOfGit() throws Exception {
    assertThat(Files.readString(Path.of(".gitignore"))).containsPattern("(?m)^\\.env$");
    assertThat(Files.readAllLines(Path.of(".env.example")))
        .filteredOn(l -> l.contains("PASSWORD=")).allSatisfy(l -> assertThat(l).endsWith("="));
    assertThat(Files.exists(Path.of("Dockerfile"))).isTrue();
  }

  @Test
  void ciRunsTheReadmeTestCommand() throws Exception {
    String ci = Files.readString(Path.of(".ci/run"));
    assertThat(ci).contains("set -euo pipefail").contains("./mvnw -B -ntp verify").doesNotContain("skipTests");
    assertThat(Files.isExecutable(Path.of(".ci/run"))).isTrue();
    assertThat(Files.readString(Path.of("README.md"))).contains("./mvnw verify").contains("./mvnw spring-boot:run");
  }
}
