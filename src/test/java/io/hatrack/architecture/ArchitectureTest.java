package io.hatrack.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package rules of STYLE.md, checked on the compiled classes. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.hatrack");

  @Test
  void hatsAndTheKernelHaveNoDependencyCycles() {
    slices().matching("io.hatrack.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void thePartsOfTheKernelHaveNoDependencyCycles() {
    slices().matching("io.hatrack.kernel.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void theKernelKnowsNoHatAndNoCompositionRoot() {
    noClasses()
        .that()
        .resideInAPackage("io.hatrack.kernel..")
        .should()
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAPackage("io.hatrack..")
                .and(JavaClass.Predicates.resideOutsideOfPackage("io.hatrack.kernel..")))
        .check(CLASSES);
  }

  @Test
  void onlyStoresAndTheDatabaseLayerWriteSql() {
    noClasses()
        .that()
        .haveSimpleNameNotEndingWith("Store")
        .and()
        .resideOutsideOfPackage("io.hatrack.kernel.db..")
        .and()
        .doNotHaveSimpleName("AuditLog")
        .should()
        .callMethod(org.jdbi.v3.core.Handle.class, "createQuery", String.class)
        .orShould()
        .callMethod(org.jdbi.v3.core.Handle.class, "createUpdate", String.class)
        .check(CLASSES);
  }

  @Test
  void servicesDoNotDependOnTheWebLayer() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("Service")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.javalin..", "io.hatrack.kernel.web..")
        .check(CLASSES);
  }

  @Test
  void routesDoNotReachIntoStores() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("Routes")
        .or()
        .haveSimpleNameEndingWith("Pages")
        .or()
        .haveSimpleNameEndingWith("Api")
        .should()
        .dependOnClassesThat()
        .haveSimpleNameEndingWith("Store")
        .check(CLASSES);
  }

  @Test
  void domainRecordsAreImmutable() {
    classes()
        .that()
        .resideInAnyPackage("io.hatrack.kernel.work", "io.hatrack.kernel.auth", "io.hatrack.pages")
        .and()
        .areRecords()
        .should()
        .haveOnlyFinalFields()
        .check(CLASSES);
  }
}
