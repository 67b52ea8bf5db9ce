package org.corroborate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.data.repository.Repository;

/** The boundaries drawn in docs/architecture.md, checked so that the picture stays true. */
@AnalyzeClasses(packages = "org.corroborate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresDoNotFormCycles = slices().matching("org.corroborate.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule baseDependsOnNoFeature = noClasses().that().resideInAPackage("org.corroborate.base..")
            .should().dependOnClassesThat().resideInAnyPackage("org.corroborate.source..",
                    "org.corroborate.security..", "org.corroborate.scheme..", "org.corroborate.audit..",
                    "org.corroborate.project..", "org.corroborate.preference..",
                    "org.corroborate.annotation..", "org.corroborate.review..", "org.corroborate.exchange..")
            .because("base holds what every feature shares and knows none of them");

    /**
     * The feature graph of docs/architecture.md#dependencies-between-features, edge by edge: a feature
     * (with its subpackages, {@code ui} included) may use only the features listed as below it. A new
     * edge is a decision: draw it in the diagram and add it here.
     */
    @ArchTest
    static final ArchRule featuresDependOnlyAsDrawn = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("base").definedBy("org.corroborate.base..")
            .layer("security").definedBy("org.corroborate.security..")
            .layer("audit").definedBy("org.corroborate.audit..")
            .layer("preference").definedBy("org.corroborate.preference..")
            .layer("scheme").definedBy("org.corroborate.scheme..")
            .layer("project").definedBy("org.corroborate.project..")
            .layer("source").definedBy("org.corroborate.source..")
            .layer("annotation").definedBy("org.corroborate.annotation..")
            .layer("claim").definedBy("org.corroborate.claim..")
            .layer("review").definedBy("org.corroborate.review..")
            .layer("exchange").definedBy("org.corroborate.exchange..")
            .layer("search").definedBy("org.corroborate.search..")
            .whereLayer("exchange").mayNotBeAccessedByAnyLayer()
            .whereLayer("search").mayNotBeAccessedByAnyLayer()
            .whereLayer("review").mayOnlyBeAccessedByLayers("exchange", "search")
            .whereLayer("claim").mayOnlyBeAccessedByLayers("review", "exchange", "search")
            .whereLayer("annotation").mayOnlyBeAccessedByLayers("claim", "review", "exchange", "search")
            .whereLayer("source").mayOnlyBeAccessedByLayers("annotation", "claim", "review", "exchange", "search")
            .whereLayer("scheme").mayOnlyBeAccessedByLayers("annotation", "claim", "review", "exchange", "search")
            .whereLayer("project").mayOnlyBeAccessedByLayers("scheme", "source", "annotation", "claim", "review",
                    "exchange", "search")
            .whereLayer("audit").mayOnlyBeAccessedByLayers("source", "annotation", "claim", "review", "exchange",
                    "search")
            .whereLayer("preference").mayOnlyBeAccessedByLayers("annotation", "claim", "review", "exchange", "search")
            .whereLayer("security").mayOnlyBeAccessedByLayers("project", "source", "claim", "review", "exchange",
                    "search")
            .whereLayer("base").mayOnlyBeAccessedByLayers("security", "audit", "preference", "scheme", "project", "source",
                    "annotation", "claim", "review", "exchange", "search");

    @ArchTest
    static final ArchRule repositoriesArePrivateToTheirFeature = classes().that().areAssignableTo(Repository.class)
            .should().notBePublic()
            .because("a feature's service is the only door to its data");

    @ArchTest
    static final ArchRule viewsUseServicesNotRepositories = noClasses().that().resideInAPackage("org.corroborate..ui..")
            .should().dependOnClassesThat().areAssignableTo(Repository.class);

    @ArchTest
    static final ArchRule onlyViewsLiveInUiPackages = noClasses().that().resideOutsideOfPackage("org.corroborate..ui..")
            .and().resideOutsideOfPackage("org.corroborate.security")
            .should().dependOnClassesThat().resideInAPackage("org.corroborate..ui..")
            .because("the domain and services know nothing of the UI (security names its login view)");

    /** Bulk JPQL or native writes would bypass the audit trail and the entity history. */
    @ArchTest
    static final ArchRule noBulkOrNativeWrites = noClasses().that().resideInAPackage("org.corroborate..")
            .and().doNotHaveSimpleName("ChainAppender").and().doNotHaveSimpleName("AuditCheckpoints")
            .should().callMethod(jakarta.persistence.Query.class, "executeUpdate")
            .orShould().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching(
                            "createNativeQuery|update|batchUpdate")).and(
                    com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                            com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                    com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                                            org.springframework.jdbc.core.JdbcOperations.class)
                                            .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                                                    jakarta.persistence.EntityManager.class))))))
            .because("every write goes through an entity and a service, so it is audited (the audit log's own "
                    + "appenders, of events and of signed checkpoints, are the exceptions)");

    @ArchTest
    static final ArchRule noModifyingRepositoryQueries = com.tngtech.archunit.lang.syntax.ArchRuleDefinition
            .noMethods().that().doNotHaveFullName("org.corroborate.annotation.AnnotationRepository.insertWithId("
                    + "long, long, long, int, int, java.lang.String, java.lang.String, java.time.Instant, "
                    + "java.lang.String, java.lang.String, java.lang.String, int, long)")
            .should().beAnnotatedWith(org.springframework.data.jpa.repository.Modifying.class)
            .because("bulk updates would bypass the audit trail and the entity history (the one exception puts "
                    + "a deleted annotation's row back for AnnotationService.restore, which completes it through "
                    + "the entity and audits it in the same transaction)");

    @ArchTest
    static final ArchRule nothingButAuditTouchesAuditEvents = noClasses().that()
            .resideOutsideOfPackage("org.corroborate.audit..")
            .should().dependOnClassesThat().haveSimpleName("AuditEventRepository")
            .because("features publish Change events; only the audit feature writes the log");
}
