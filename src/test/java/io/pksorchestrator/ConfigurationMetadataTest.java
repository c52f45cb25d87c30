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
 * when one has no description, when the processor did not see a property of a properties type, when a docs or README
 * settings table names a {@code pkso.*} key that is no property, or when a property is in no settings table. The processor does not describe the
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
  /** Map and list properties (their keys or indexes are the operator's), found by reflection. */
  private static final Set<String> MAPS_AND_LISTS = new LinkedHashSet<>();

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
  void everyKeyOfASettingsTableIsAProperty() throws IOException {
    Set<String> keys = new TreeSet<>();
    TYPES.forEach((prefix, type) -> allKeys(prefix, type, keys));
    Map<String, String> documented = documentedKeys();
    assertThat(documented).as("keys in the settings tables of docs/*.md and README.md").hasSizeGreaterThan(150);
    List<String> unknown = new ArrayList<>();
    for (Map.Entry<String, String> e : documented.entrySet()) {
      if (keys.stream().noneMatch(k -> matches(e.getKey(), k) || within(e.getKey(), k))
          && !readFromTheEnvironment(e.getKey())) { // pkso.simulator.url: a placeholder, no property
        unknown.add(e.getValue() + ": " + e.getKey());
      }
    }
    assertThat(unknown).as("pkso.* keys in settings tables that are no property (renamed? removed? a typo?)")
        .isEmpty();
  }

  @Test
  void everyPropertyIsInASettingsTable() throws IOException {
    Set<String> documented = documentedKeys().keySet();
    Set<String> keys = new TreeSet<>(METADATA.keySet());
    TYPES.forEach((prefix, type) -> allKeys(prefix, type, keys)); // with the keys inside map values
    List<String> undocumented = keys.stream()
        .filter(p -> documented.stream().noneMatch(d -> matches(d, p) || d.startsWith(p + ".")))
        .toList();
    assertThat(undocumented).as("pkso.* properties in no settings table of the docs (the feature's page) or README")
        .isEmpty();
  }

  /**
   * The keys of the settings tables (first column, back-quoted), as full names: a relative key ({@code max-step})
   * gets the prefix its section heading names ({@code ## Configuration (`pkso.resize.*`)}); {@code <name>} and
   * {@code …} become {@code *}, list indexes and brace lists are cut off. Key -> where it is documented.
   */
  private static Map<String, String> documentedKeys() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    Pattern quoted = Pattern.compile("`([^`]+)`");
    for (Path doc : docs()) {
      String section = null;
      for (String line : Files.readAllLines(doc)) {
        if (line.startsWith("#")) {
          Matcher heading = quoted.matcher(line);
          section = heading.find() && heading.group(1).startsWith("pkso.")
              ? normalised(heading.group(1)).replaceAll("\\.\\*$", "") : null;
          continue;
        }
        String[] cells = line.split("(?<!\\\\)\\|", -1);
        if (!line.startsWith("|") || cells.length < 3) {
          continue;
        }
        Matcher token = quoted.matcher(cells[1]);
        while (token.find()) {
          String key = normalised(token.group(1));
          if (!key.startsWith("pkso.")) {
            if (section == null || !key.matches("[a-z*][a-z0-9*.-]*")) {
              continue;
            }
            key = section + "." + key;
          }
          out.putIfAbsent(key, doc.toString());
        }
      }
    }
    return out;
  }

  private static String normalised(String key) {
    String k = key.replaceAll("<[^>]*>", "*").replace("…", "*").replaceAll("[\\[{].*$", "");
    return k.replaceAll("\\.+$", "");
  }

  /** Whether {@code documented} names {@code key}, a {@code *} standing for any one segment on either side. */
  private static boolean matches(String documented, String key) {
    String[] d = documented.split("\\.");
    String[] k = key.split("\\.");
    if (d.length != k.length) {
      return false;
    }
    for (int i = 0; i < d.length; i++) {
      if (!d[i].equals("*") && !k[i].equals("*") && !d[i].equals(k[i])) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code documented} lies inside the map or list property {@code key} ({@code plans.max-workers.small}). */
  private static boolean within(String documented, String key) {
    return MAPS_AND_LISTS.contains(key) && documented.split("\\.").length > key.split("\\.").length
        && matches(String.join(".", List.of(documented.split("\\.")).subList(0, key.split("\\.").length)), key);
  }

  /** Every key of {@code type} below {@code prefix}, map keys as {@code *} ({@code pkso.foundations.*.read-timeout}). */
  private static void allKeys(String prefix, Class<?> type, Set<String> out) {
    for (String name : names(type)) {
      Type generic = genericType(type, name);
      Class<?> raw = rawType(generic);
      String key = prefix + "." + kebab(name);
      if (ours(raw) && !raw.isEnum()) {
        allKeys(key, raw, out);
        continue;
      }
      out.add(key);
      if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
        MAPS_AND_LISTS.add(key);
        if (Map.class.isAssignableFrom(raw) && generic instanceof ParameterizedType parameterized) {
          Class<?> element = rawType(parameterized.getActualTypeArguments()[1]);
          if (ours(element) && !element.isEnum()) {
            allKeys(key + ".*", element, out);
          }
        }
      }
    }
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
