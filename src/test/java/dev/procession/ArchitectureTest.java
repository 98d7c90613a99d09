package dev.procession;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package rules for production classes (test classes are not imported). */
@AnalyzeClasses(packages = "dev.procession", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheAppUsesJavaFx =
            noClasses()
                    .that().resideInAPackage("dev.procession..")
                    .and().resideOutsideOfPackage("dev.procession.app..")
                    .should().dependOnClassesThat().resideInAPackage("javafx..")
                    .because("JavaFX is confined to dev.procession.app; the CLI, hub and runtime must run headless")
                    .allowEmptyShould(true);

    @ArchTest
    static final ArchRule runtimeStaysSmall =
            noClasses()
                    .that().resideInAPackage("dev.procession.runtime..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "dev.procession.hub..", "dev.procession.supervisor..", "dev.procession.cli..")
                    .because("the runtime runs inside child JVMs and must stay small")
                    .allowEmptyShould(true);
}
