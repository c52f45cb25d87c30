package io.pksorchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Issue 15 item 2: each default is written once, in its properties type. A yml file of the application that sets a
 * key to the value the properties type already has by default fails this test (the yml holds only what differs, per
 * profile or for an environment hook such as {@code ${PKSO_ADMIN_PASSWORD:}}), and so does a default in the docs'
 * settings tables (docs/*.md, README.md) that is not the code's. Values are compared as Spring binds them
 * ({@code 30s} = {@code PT30S}), by binding the property type once with nothing set and once with the one key.
 */
class ConfigurationDefaultsTest {

  private static final Pattern QUOTED = Pattern.compile("`([^`]*)`");
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  /** Prefix -> properties type, for every {@code @ConfigurationProperties} type of the product. */
  private static final Map<String, Class<?>> TYPES = new LinkedHashMap<>();

  @BeforeAll
  static void findPropertiesTypes() throws ClassNotFoundException {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    for (BeanDefinition candidate : scanner.findCandidateComponents("io.pksorchestrator")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
      String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
      TYPES.put(prefix, type);
    }
    assertThat(TYPES).as("properties types found").hasSizeGreaterThanOrEqualTo(8);
  }

  @Test
  void noYmlRepeatsADefaultOfItsPropertiesType() throws IOException {
    List<String> repeated = new ArrayList<>();
    for (Path yml : ymlFiles()) {
      for (PropertySource<?> document : new YamlPropertySourceLoader().load(yml.toString(),
          new FileSystemResource(yml))) {
        EnumerablePropertySource<?> source = (EnumerablePropertySource<?>) document;
        if (source.containsProperty("spring.config.activate.on-profile")) {
          continue; // what differs per profile
        }
        for (String key : source.getPropertyNames()) {
          Object value = source.getProperty(key);
          String prefix = prefixOf(key);
          if (prefix == null || String.valueOf(value).contains("${") || readFromTheEnvironment(key)) {
            continue; // not ours, an environment hook, or a key other settings refer to (${pkso.simulator.port})
          }
          String normalisedKey = key.replaceAll("\\[\\d+]$", "");
          if (!known(prefix, normalisedKey)) {
            repeated.add(yml.getFileName() + ": " + key + " is no property of " + TYPES.get(prefix).getSimpleName());
            continue;
          }
          if (same(prefix, Map.of(normalisedKey, String.valueOf(value)))) {
            repeated.add(yml.getFileName() + ": " + key + "=" + value);
          }
        }
      }
    }
    assertThat(repeated).as("yml keys that only repeat the properties type's default: delete them").isEmpty();
  }

  @Test
  void everyDocumentedDefaultIsTheCodes() throws IOException {
    List<String> differ = new ArrayList<>();
    int compared = 0;
    for (Path doc : docs()) {
      int defaultColumn = -1;
      for (String line : Files.readAllLines(doc)) {
        if (!line.startsWith("|")) {
          defaultColumn = -1;
          continue;
        }
        String[] cells = line.split("\\|", -1);
        if (defaultColumn < 0) {
          for (int i = 1; i < cells.length; i++) {
            if (cells[i].trim().equalsIgnoreCase("default")) {
              defaultColumn = i;
            }
          }
          continue;
        }
        if (cells.length <= defaultColumn) {
          continue;
        }
        List<String> keys = quoted(cells[1]);
        List<String> defaults = new ArrayList<>();
        for (String part : cells[defaultColumn].split(" / ")) {
          List<String> q = quoted(part);
          defaults.add(q.size() == 1 && part.trim().equals("`" + q.get(0) + "`") ? q.get(0) : null);
        }
        if (keys.isEmpty() || !keys.get(0).startsWith("pkso.") || keys.size() != defaults.size()) {
          continue;
        }
        String parent = keys.get(0).substring(0, keys.get(0).lastIndexOf('.') + 1);
        for (int i = 0; i < keys.size(); i++) {
          String key = i == 0 ? keys.get(0) : parent + keys.get(i);
          String prefix = prefixOf(key);
          if (defaults.get(i) == null || prefix == null || key.contains("<")) {
            continue;
          }
          String documented = defaults.get(i).matches("\\$\\{[A-Z_]+:[^{}]*}")
              ? defaults.get(i).substring(defaults.get(i).indexOf(':') + 1, defaults.get(i).length() - 1)
              : defaults.get(i); // an environment hook with its fallback: the fallback is the default
          if (!known(prefix, key) && readFromTheEnvironment(key)) {
            continue; // a placeholder-only key (pkso.simulator.url): its default is the placeholder's fallback
          }
          compared++;
          if (!known(prefix, key)) {
            differ.add(doc + ": " + key + " is no property of " + TYPES.get(prefix).getSimpleName()
                + " (a default written outside the properties type?)");
          } else if (!same(prefix, Map.of(key, documented))) {
            differ.add(doc + ": " + key + " documented `" + defaults.get(i) + "`, code: "
                + codeDefault(prefix, key));
          }
        }
      }
    }
    assertThat(compared).as("documented defaults compared").isGreaterThan(50);
    assertThat(differ).as("documented defaults that are not the code's").isEmpty();
  }

  /**
   * A default written as a fallback in Java ({@code @Value("${key:default}")}, {@code getProperty("pkso...", default)})
   * is a second home of a default that its properties type (or the library's own, e.g. Camunda's job executor)
   * already holds: production code reads the properties type, or the placeholder without a fallback.
   */
  @Test
  void noJavaCodeWritesAFallbackForASetting() throws IOException {
    Pattern placeholderFallback = Pattern.compile("\\$\\{[a-zA-Z0-9._-]+:");
    Pattern propertyFallback = Pattern.compile("getProperty\\(\\s*\"pkso\\.[^\"]*\"\\s*,");
    List<String> fallbacks = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          String code = lines.get(i).trim();
          if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
            continue; // Javadoc and comments may show examples
          }
          if (placeholderFallback.matcher(code).find() || propertyFallback.matcher(code).find()) {
            fallbacks.add(file + ":" + (i + 1) + ": " + code);
          }
        }
      }
    }
    assertThat(fallbacks).as("defaults written as fallbacks in Java: take them from the properties type").isEmpty();
  }

  /** Whether binding {@code values} gives the properties type of {@code prefix} exactly its defaults. */
  private static boolean same(String prefix, Map<String, String> values) {
    try {
      return tree(prefix, Map.of()).equals(tree(prefix, values));
    } catch (RuntimeException e) {
      return false; // does not even bind: certainly not the default
    }
  }

  private static JsonNode tree(String prefix, Map<String, String> values) {
    Binder binder = new Binder(new MapConfigurationPropertySource(values));
    return JSON.valueToTree(binder.bindOrCreate(prefix, Bindable.of(TYPES.get(prefix))));
  }

  /** Whether the key is a property of its type (binding an unknown key would change nothing and look "default"). */
  private static boolean known(String prefix, String key) {
    JsonNode node = tree(prefix, Map.of());
    for (String part : key.substring(prefix.length() + 1).split("\\.")) {
      String camel = Pattern.compile("-([a-z])").matcher(part).replaceAll(m -> m.group(1).toUpperCase());
      node = node.path(camel);
    }
    return !node.isMissingNode();
  }

  private static String codeDefault(String prefix, String key) {
    JsonNode node = tree(prefix, Map.of());
    for (String part : key.substring(prefix.length() + 1).split("\\.")) {
      String camel = Pattern.compile("-([a-z])").matcher(part).replaceAll(m -> m.group(1).toUpperCase());
      node = node.path(camel);
    }
    return node.toString();
  }

  /** Whether production code or configuration reads the key from the environment, not from its properties type. */
  private static boolean readFromTheEnvironment(String key) throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src", "main"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file);
        if (text.contains("${" + key + "}") || text.contains("${" + key + ":")
            || text.contains("getProperty(\"" + key + "\")")) {
          return true;
        }
      }
    }
    return false;
  }

  private static String prefixOf(String key) {
    return TYPES.keySet().stream().filter(p -> key.startsWith(p + "."))
        .max(java.util.Comparator.comparingInt(String::length)).orElse(null);
  }

  private static List<String> quoted(String cell) {
    List<String> out = new ArrayList<>();
    Matcher m = QUOTED.matcher(cell);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static List<Path> ymlFiles() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src", "main", "resources"))) {
      return files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    }
  }

  private static List<Path> docs() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("docs"))) {
      List<Path> out = new ArrayList<>(files.filter(p -> p.toString().endsWith(".md")).sorted().toList());
      out.add(Path.of("README.md"));
      return out;
    }
  }
}
