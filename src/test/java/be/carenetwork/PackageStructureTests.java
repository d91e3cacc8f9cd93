package be.carenetwork;

import be.carenetwork.demo.DemoDataContributor;
import be.carenetwork.demo.DemoGraph;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the package-by-feature layout honest (HOUSE-STYLE.md). */
class PackageStructureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("be.carenetwork");

    @Test
    void shouldHaveNoLayerPackages() {
        noClasses().should().resideInAnyPackage("..controller..", "..service..", "..repository..", "..dto..", "..impl..")
                .because("we package by feature, not by layer")
                .check(classes);
    }

    @Test
    void shouldKeepTheFoundationFreeOfFeatures() {
        noClasses().that().resideInAnyPackage("be.carenetwork.system..", "be.carenetwork.security..", "be.carenetwork.taxonomy..")
                .should().dependOnClassesThat().resideInAnyPackage("be.carenetwork.directory..", "be.carenetwork.neighbourhood..",
                        "be.carenetwork.demo..", "be.carenetwork.map..", "be.carenetwork.matching..", "be.carenetwork.referral..",
                        "be.carenetwork.meeting..", "be.carenetwork.analyst..", "be.carenetwork.exchange..")
                .because("system, security and taxonomy are what features stand on")
                .check(classes);
    }

    @Test
    void shouldNotLetFeaturesDependOnTheDemo() {
        noClasses().that().resideOutsideOfPackage("be.carenetwork.demo..")
                .should().dependOnClassesThat(resideInAPackage("be.carenetwork.demo..")
                        .and(not(type(DemoDataContributor.class))).and(not(type(DemoGraph.class))))
                .allowEmptyShould(true)
                .because("the demo network is built from the features; they only contribute through DemoDataContributor")
                .check(classes);
    }
}
