package io.pksorchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Issue 15 item 2: every {@code pkso.*} property is described once, in the Javadoc of its properties type (a field
 * comment, or the record's {@code @param} tag), and operators see that description in their IDE. The
 * {@code spring-boot-configuration-processor} writes {@code META-INF/spring-configuration-metadata.json} at compile
 * time with the Javadoc as each property's description; this test reads that file and fails, naming each property,
 * when one has no description, when the processor did not see a property of a properties type, or when a docs or
 * README settings table names a {@code pkso.*} key that is no property. The processor does not describe the
 * properties inside map and list values ({@code pkso.foundations.<name>.*}, {@code pkso.resize.clusters[n].*}, ...):
 * for those the Javadoc is checked in the source of the element type.
 */
class ConfigurationMetadataTest {

  private static final String ROOT = "io.pksorchestrator.";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Prefix -> properties type, for every {@code @ConfigurationProperties} type of the product. */
  private static final Map<String, Class<?>> TYPES = new LinkedHashMap<>();
  /** Property name -> description ("" when none), of the product's properties in the generated metadata. */
  private static final Map<String, String> METADATA = new LinkedHashMap<>();
  /** Property name -> its type as the metadata gives it. */
  private static final Map<String, String> METADATA_TYPES = new LinkedHashMap<>();

  @BeforeAll
  static void readMetadata() throws ClassNotFoundException, IOException {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    for (BeanDefinition candidate : scanner.findCandidateComponents("io.pksorchestrator")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
      TYPES.put(annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix(), type);
    }
    Enumeration<URL> files = ConfigurationMetadataTest.class.getClassLoader()
        .getResources("META-INF/spring-configuration-metadata.json");
    while (files.hasMoreElements()) {
      try (InputStream in = files.nextElement().openStream()) {
        for (JsonNode property : JSON.readTree(in).path("properties")) {
          if (property.path("sourceType").asText().startsWith(ROOT)) {
            METADATA.put(property.path("name").asText(), property.path("description").asText("").trim());
            METADATA_TYPES.put(property.path("name").asText(), property.path("type").asText());
          }
        }
      }
    }
    assertThat(TYPES).as("properties types found").hasSizeGreaterThanOrEqualTo(10);
    assertThat(METADATA).as("properties in the generated metadata (spring-boot-configuration-processor ran?)")
        .hasSizeGreaterThan(100);
  }

  @Test
  void everyPropertyHasADescription() {
    List<String> undescribed = METADATA.entrySet().stream().filter(e -> e.getValue().isEmpty())
        .map(Map.Entry::getKey).toList();
    assertThat(undescribed).as("pkso.* properties without Javadoc (a field comment or the record's @param tag)")
        .isEmpty();
  }

  @Test
  void theMetadataHoldsEveryPropertyOfEveryPropertiesType() {
    Set<String> expected = new TreeSet<>();
    TYPES.forEach((prefix, type) -> properties(prefix, type, expected, new LinkedHashSet<>()));
    assertThat(expected).as("properties found by reflection").hasSizeGreaterThan(100);
    assertThat(METADATA.keySet()).as("properties in the generated metadata").containsAll(expected);
  }

  @Test
  void everyPropertyInsideAMapOrListValueHasJavadoc() throws IOException {
    Set<Class<?>> elementTypes = new LinkedHashSet<>();
    TYPES.forEach((prefix, type) -> properties(prefix, type, new TreeSet<>(), elementTypes));
    assertThat(elementTypes).as("element types of map and list properties").hasSizeGreaterThanOrEqualTo(4);
    List<String> undescribed = new ArrayList<>();
    for (Class<?> type : nestedTypesOf(elementTypes)) {
      String source = Files.readString(sourceOf(type));
      for (String name : names(type)) {
        if (!documented(source, type, name)) {
          undescribed.add(type.getName() + "." + name);
        }
      }
    }
    assertThat(undescribed).as("properties of map/list element types without Javadoc").isEmpty();
  }

  @Test
  void everyKeyInASettingsTableIsAProperty() throws IOException {
    List<String> unknown = new ArrayList<>();
    int checked = 0;
    for (Path doc : docs()) {
      for (String line : Files.readAllLines(doc)) {
        String[] cells = line.split("(?<!\\\\)\\|", -1);
        if (!line.startsWith("|") || cells.length < 3) {
          continue;
        }
        Matcher key = Pattern.compile("^\\s*`(pkso\\.[a-z0-9.-]*[a-z0-9])").matcher(cells[1]);
        if (!key.find() || readFromTheEnvironment(key.group(1))) {
          continue;
        }
        checked++;
        String name = key.group(1);
        boolean known = METADATA.containsKey(name)
            || METADATA.keySet().stream().anyMatch(p -> name.startsWith(p + ".") && isMapOrList(p));
        if (!known) {
          unknown.add(doc + ": " + name);
        }
      }
    }
    assertThat(checked).as("settings table rows checked").isGreaterThan(80);
    assertThat(unknown).as("pkso.* keys in settings tables that are no property (renamed? removed?)").isEmpty();
  }

  /** Collects the metadata names of {@code type}'s properties below {@code prefix}, and its map/list element types. */
  private static void properties(String prefix, Class<?> type, Set<String> names, Set<Class<?>> elementTypes) {
    for (String name : names(type)) {
      Type generic = genericType(type, name);
      Class<?> raw = rawType(generic);
      String key = prefix + "." + kebab(name);
      if (ours(raw) && !raw.isEnum()) {
        properties(key, raw, names, elementTypes);
        continue;
      }
      names.add(key);
      if ((Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw))
          && generic instanceof ParameterizedType parameterized) {
        Type[] arguments = parameterized.getActualTypeArguments();
        Class<?> element = rawType(arguments[arguments.length - 1]);
        if (ours(element) && !element.isEnum()) {
          elementTypes.add(element);
        }
      }
    }
  }

  /** The element types and every type of ours nested in them (the foundation's endpoints, proxy, plans, ...). */
  private static Set<Class<?>> nestedTypesOf(Set<Class<?>> types) {
    Set<Class<?>> all = new LinkedHashSet<>();
    List<Class<?>> todo = new ArrayList<>(types);
    while (!todo.isEmpty()) {
      Class<?> type = todo.remove(0);
      if (all.add(type)) {
        for (String name : names(type)) {
          Class<?> raw = rawType(genericType(type, name));
          if (ours(raw) && !raw.isEnum()) {
            todo.add(raw);
          }
        }
      }
    }
    return all;
  }

  /** Bindable property names: a record's components, or a JavaBean's fields that have a setter. */
  private static List<String> names(Class<?> type) {
    if (type.isRecord()) {
      return Stream.of(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }
    List<String> out = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      String setter = "set" + Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
      if (!Modifier.isStatic(field.getModifiers())
          && Stream.of(type.getMethods()).anyMatch(m -> m.getName().equals(setter))) {
        out.add(field.getName());
      }
    }
    return out;
  }

  private static Type genericType(Class<?> type, String name) {
    if (type.isRecord()) {
      return Stream.of(type.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst().orElseThrow()
          .getGenericType();
    }
    try {
      return type.getDeclaredField(name).getGenericType();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Class<?> rawType(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    return type instanceof Class<?> c ? c : Object.class;
  }

  private static boolean ours(Class<?> type) {
    return type.getName().startsWith(ROOT);
  }

  /** Whether the source declares {@code name} with Javadoc: an {@code @param} of the record, or a field comment. */
  private static boolean documented(String source, Class<?> type, String name) {
    if (type.isRecord()) {
      Matcher javadoc = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*"
          + "public\\s+(?:static\\s+)?record\\s+" + type.getSimpleName() + "\\b", Pattern.DOTALL).matcher(source);
      return javadoc.find() && Pattern.compile("@param\\s+" + name + "\\s+\\S").matcher(javadoc.group(1)).find();
    }
    Matcher body = Pattern.compile("class\\s+" + type.getSimpleName() + "\\b").matcher(source);
    return body.find() && Pattern.compile("/\\*\\*(?:(?!\\*/).)*\\S(?:(?!\\*/).)*\\*/\\s*(?:@\\w+\\s*)*"
        + "private\\s+[\\w<>,.?\\s]+\\s" + name + "\\s*[=;]", Pattern.DOTALL).matcher(source)
        .region(body.end(), source.length()).find();
  }

  private static Path sourceOf(Class<?> type) {
    Class<?> top = type;
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    return Path.of("src", "main", "java", top.getName().replace('.', '/') + ".java");
  }

  /** Whether the metadata types the property as a map or list (its keys or indexes are the operator's). */
  private static boolean isMapOrList(String property) {
    String type = METADATA_TYPES.getOrDefault(property, "");
    return type.startsWith("java.util.Map<") || type.startsWith("java.util.List<");
  }

  /** Keys only read through placeholders ({@code ${pkso.simulator.url}}), which no properties type holds. */
  private static boolean readFromTheEnvironment(String key) throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src", "main", "resources"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".yml")).toList()) {
        String text = Files.readString(file);
        if (text.contains("${" + key + "}") || text.contains("${" + key + ":")) {
          return true;
        }
      }
    }
    return false;
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static List<Path> docs() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("docs"))) {
      List<Path> out = new ArrayList<>(files.filter(p -> p.toString().endsWith(".md")).sorted().toList());
      out.add(Path.of("README.md"));
      return out;
    }
  }
}
