package io.deltajdbc.tools.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's internals are the engine's: every other module (the Spark backend, the Calcite
 * adapter, the driver, the tools), main and test code alike, uses the engine's public API only; and
 * none of our classes lives in Calcite's packages. Checked on the compiled classes of those
 * modules, which the reactor builds before this one.
 */
class ModuleBoundariesTest {
  /** The modules that live on the engine's API, relative to the project root. */
  private static final List<String> MODULES =
      List.of("engine/spark", "calcite-adapter", "jdbc-driver", "tools");

  private static JavaClasses classes;

  @BeforeAll
  static void importModules() {
    Path root = Path.of(System.getProperty("user.dir")).getParent();
    String target = System.getProperty("deltajdbc.target", "target");
    List<Path> dirs = new ArrayList<>();
    for (String module : MODULES) {
      for (String kind : List.of("classes", "test-classes")) {
        Path dir = root.resolve(module).resolve(target).resolve(kind);
        if (Files.isDirectory(dir)) {
          dirs.add(dir);
        }
      }
      assertTrue(
          Files.isDirectory(root.resolve(module).resolve(target).resolve("classes")),
          "module " + module + " is not compiled under " + root + "; build the whole reactor");
    }
    classes = new ClassFileImporter().importPaths(dirs);
  }

  @Test
  void noModuleReachesIntoEngineInternals() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.deltajdbc.engine.internal..")
        .because("the engine's public API is the seam; its internals may change with every release")
        .check(classes);
  }

  @Test
  void nothingOfOursLivesInCalcitesPackages() {
    noClasses()
        .should()
        .resideInAPackage("org.apache.calcite..")
        .because(
            "a class in Calcite's packages can use its package-private members, which an upgrade changes "
                + "without notice; we extend Calcite through its public API only")
        .check(classes);
  }

  @Test
  void checkedClassesIncludeEveryModule() {
    for (String pkg :
        List.of(
            "io.deltajdbc.engine.spark",
            "io.deltajdbc.calcite",
            "io.deltajdbc.jdbc",
            "io.deltajdbc.tools")) {
      assertTrue(classes.containPackage(pkg), "no classes of " + pkg + " were checked");
    }
  }
}
