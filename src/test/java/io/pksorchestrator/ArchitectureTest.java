package io.pksorchestrator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md's package table is the rule: this test reads it and checks the production classes against it,
 * so the document and the code cannot drift apart. A row names its packages in back-quotes in the first column
 * ({@code (root)} is {@code io.pksorchestrator} itself); the back-quoted names in "may depend on" that start with a
 * package of the table ({@code platform}, {@code platform.Foundations}) are the product packages it may use; any
 * other product package is forbidden. Every package of the product must have a row. The rules on libraries that
 * the table states in words (forecasting without Spring or Camunda, no delegate API outside the process packages,
 * nobody but the launcher imports the simulator) follow as ArchUnit rules of their own.
 */
class ArchitectureTest {

  private static final String ROOT = "io.pksorchestrator";
  private static final Path DOC = Path.of("docs", "architecture.md");
  private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");

  private static JavaClasses classes;
  private static Map<String, Set<String>> table;

  @BeforeAll
  static void importProductionClassesAndReadTheTable() throws IOException {
    // the compiled folder only (no tests, no jars): seconds instead of a classpath scan
    classes = new ClassFileImporter().importPath(Path.of("target", "classes", "io", "pksorchestrator"));
    table = dependencyTable(Files.readAllLines(DOC));
  }

  @Test
  void everyPackageOfTheProductHasARowAndEveryRowAPackage() throws IOException {
    Set<String> packages = new TreeSet<>();
    try (Stream<Path> dirs = Files.list(Path.of("src", "main", "java", "io", "pksorchestrator"))) {
      dirs.filter(Files::isDirectory).forEach(d -> packages.add(d.getFileName().toString()));
    }
    packages.add("(root)");
    assertThat(table.keySet()).as("rows of the package table in " + DOC).containsExactlyInAnyOrderElementsOf(packages);
  }

  @Test
  void eachPackageDependsOnlyOnThePackagesItsRowAllows() {
    List<String> broken = new ArrayList<>();
    table.forEach((pkg, allowed) -> {
      List<String> forbidden = table.keySet().stream()
          .filter(other -> !other.equals(pkg) && !allowed.contains(other))
          .map(other -> qualified(other) + (other.equals("(root)") ? "" : ".."))
          .toList();
      var that = pkg.equals("(root)") ? noClasses().that().resideInAPackage(ROOT)
          : noClasses().that().resideInAPackage(qualified(pkg) + "..");
      var rule = that.should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
          .because(DOC + " allows " + pkg + " only " + allowed).allowEmptyShould(true);
      var result = rule.evaluate(classes);
      if (result.hasViolation()) {
        broken.add(String.join("\n", result.getFailureReport().getDetails()));
      }
    });
    assertThat(broken).as("dependencies that " + DOC + " does not allow").isEmpty();
  }

  @Test
  void theTableIsReadAsWritten() {
    // a guard for the parser: if the table's layout changes, this test must be adapted, not silently pass
    assertThat(table.get("platform")).isEmpty();
    assertThat(table.get("cli")).isEmpty();
    assertThat(table.get("cluster")).contains("platform", "operations").doesNotContain("ticketing", "simulator");
    assertThat(table.get("operations")).containsExactly("platform");
    assertThat(table.keySet()).hasSizeGreaterThanOrEqualTo(11);
  }

  /** The forecaster is pure Java + Commons Math. */
  @Test
  void forecastHasNoSpringOrCamunda() {
    noClasses().that().resideInAPackage("..forecast..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..")
        .check(classes);
  }

  /** Delegates and BpmnError belong to the process packages, not to clients, simulator or forecaster. */
  @Test
  void noDelegateApiOutsideProcessPackages() {
    noClasses().that()
        .resideInAnyPackage("io.pksorchestrator.platform..", "io.pksorchestrator.simulator..",
            "io.pksorchestrator.forecast..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.delegate..")
        .check(classes);
  }

  /**
   * Production code never depends on the simulator (it runs beside the app, reached over HTTP only). The launcher is
   * the one exception: {@code java -jar ... simulator} hands the command line to the standalone simulator instead of
   * starting the application.
   */
  @Test
  void nobodyImportsTheSimulator() {
    noClasses().that().resideOutsideOfPackage("io.pksorchestrator.simulator..")
        .and().doNotHaveFullyQualifiedName(PksOrchestratorApplication.class.getName())
        .should().dependOnClassesThat().resideInAPackage("io.pksorchestrator.simulator..")
        .check(classes);
  }

  /** Package (short name, or {@code (root)}) -> the product packages it may depend on. */
  static Map<String, Set<String>> dependencyTable(List<String> lines) {
    int header = lines.indexOf("| package | holds | may depend on |");
    assertThat(header).as("the package table of " + DOC).isNotNegative();
    List<String[]> rows = new ArrayList<>();
    for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      String[] cells = lines.get(i).split("\\|");
      assertThat(cells).as(lines.get(i)).hasSize(4);
      rows.add(cells);
    }
    Map<String, Set<String>> result = new LinkedHashMap<>();
    for (String[] cells : rows) {
      List<String> names = cells[1].trim().equals("(root)") ? List.of("(root)") : quoted(cells[1]);
      names.forEach(name -> result.put(name, new TreeSet<>()));
    }
    for (String[] cells : rows) {
      Set<String> allowed = new TreeSet<>();
      for (String token : quoted(cells[3])) {
        String first = token.split("[.( ]", 2)[0];
        if (result.containsKey(first)) {
          allowed.add(first);
        }
      }
      List<String> names = cells[1].trim().equals("(root)") ? List.of("(root)") : quoted(cells[1]);
      names.forEach(name -> result.get(name).addAll(allowed));
    }
    return result;
  }

  private static List<String> quoted(String cell) {
    List<String> out = new ArrayList<>();
    Matcher m = QUOTED.matcher(cell);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String qualified(String pkg) {
    return pkg.equals("(root)") ? ROOT : ROOT + "." + pkg;
  }
}
