package dev.replicasmcp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the layers of DESIGN.md true as the code grows. */
@AnalyzeClasses(packages = "dev.replicasmcp", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNoAdapterOrInfrastructure = noClasses()
            .that()
            .resideInAPackage("dev.replicasmcp.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.modelcontextprotocol..",
                    "io.javalin..",
                    "org.jooq..",
                    "org.flywaydb..",
                    "java.sql..",
                    "org.sqlite..",
                    "dev.replicasmcp.mcp..",
                    "dev.replicasmcp.storage..",
                    "dev.replicasmcp.runtime..",
                    "dev.replicasmcp.app..",
                    "dev.replicasmcp.api..",
                    "java.lang.ProcessBuilder");

    /** Events and payloads are domain records and value trees; JSON is read and written at the edges. */
    @ArchTest
    static final ArchRule domainSpeaksNoJson = noClasses()
            .that()
            .resideInAPackage("dev.replicasmcp.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.fasterxml..", "com.google.gson..", "org.json..", "jakarta.json..", "javax.json..");

    /** Runtime runs processes and workspaces; what it shares with storage (owner-only files) lives in files. */
    @ArchTest
    static final ArchRule runtimeDoesNotSeeStorage = noClasses()
            .that()
            .resideInAPackage("dev.replicasmcp.runtime..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.replicasmcp.storage..");

    @ArchTest
    static final ArchRule onlyStorageSpeaksSql = noClasses()
            .that()
            .resideOutsideOfPackage("dev.replicasmcp.storage..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.jooq..", "java.sql..", "org.flywaydb..");

    @ArchTest
    static final ArchRule adaptersDoNotSeeEachOtherOrTheWiring = noClasses()
            .that()
            .resideInAnyPackage("dev.replicasmcp.mcp..", "dev.replicasmcp.api..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.replicasmcp.storage..",
                    "dev.replicasmcp.runtime..",
                    "dev.replicasmcp.app..",
                    "dev.replicasmcp.rest..");

    @ArchTest
    static final ArchRule restDoesNotSeeMcpOrTheInfrastructure = noClasses()
            .that()
            .resideInAPackage("dev.replicasmcp.rest..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.replicasmcp.mcp..",
                    "io.modelcontextprotocol..",
                    "dev.replicasmcp.storage..",
                    "dev.replicasmcp.runtime..",
                    "dev.replicasmcp.app..");

    @ArchTest
    static final ArchRule mcpDoesNotSeeRestOrJavalin = noClasses()
            .that()
            .resideInAPackage("dev.replicasmcp.mcp..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.replicasmcp.rest..", "io.javalin..");

    /**
     * The MCP conformance fixtures live in the test sources (scripts/conformance serves them from there):
     * the product holds none, names none, and needs none.
     */
    @ArchTest
    static final ArchRule noConformanceFixturesInTheProduct = noClasses()
            .should()
            .resideInAPackage("dev.replicasmcp.conformance..")
            .orShould()
            .haveSimpleNameContaining("Fixture")
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("dev.replicasmcp.conformance..");

    /** Operations are defined once, above both doors: they know neither door's library nor the infrastructure. */
    @ArchTest
    static final ArchRule operationsKnowNeitherDoor = noClasses()
            .that()
            .resideInAPackage("dev.replicasmcp.ops..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.replicasmcp.mcp..",
                    "dev.replicasmcp.rest..",
                    "io.modelcontextprotocol..",
                    "io.javalin..",
                    "jakarta.servlet..",
                    "dev.replicasmcp.storage..",
                    "dev.replicasmcp.runtime..",
                    "dev.replicasmcp.app..");

    /**
     * The doors define no operation of their own: their input records come from ops.defs, so neither the
     * MCP adapter nor the REST routes call a domain service that mutates. Only the invoker does.
     */
    @ArchTest
    static final ArchRule onlyTheOperationsCallTheMutatingServices = noClasses()
            .that()
            .resideInAnyPackage("dev.replicasmcp.mcp..", "dev.replicasmcp.rest..")
            .should()
            .callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "a create, update, delete, save or set method of a domain service",
                    call -> call.getTarget().getOwner().getPackageName().startsWith("dev.replicasmcp.domain")
                            && call.getTarget().getOwner().getSimpleName().endsWith("Service")
                            && call.getTarget()
                                    .getName()
                                    .matches("(create|update|delete|save|set|add|enable|disable|remove).*")));

    /**
     * All wiring is in one place: a new store or service is made in app's *Wiring classes, and Core, Main,
     * the HTTP app and the commands take what they need from there.
     */
    @ArchTest
    static final ArchRule onlyTheWiringBuildsStoresAndServices = noClasses()
            .that(DescribedPredicate.describe(
                    "are not the wiring (app's *Wiring classes)", (JavaClass c) -> !isWiring(c)))
            .should()
            .callConstructorWhere(DescribedPredicate.describe(
                    "the constructor of a storage Sql* class or of a domain *Service",
                    call -> isStore(call.getTarget().getOwner())
                            || isService(call.getTarget().getOwner())));

    private static boolean isWiring(JavaClass c) {
        return c.getPackageName().equals("dev.replicasmcp.app")
                && c.getSimpleName().endsWith("Wiring");
    }

    private static boolean isStore(JavaClass owner) {
        return owner.getPackageName().startsWith("dev.replicasmcp.storage")
                && owner.getSimpleName().startsWith("Sql");
    }

    private static boolean isService(JavaClass owner) {
        return owner.getPackageName().startsWith("dev.replicasmcp.domain")
                && owner.getSimpleName().endsWith("Service");
    }

    @ArchTest
    static final ArchRule onlyRuntimeStartsProcesses = noClasses()
            .that()
            .resideOutsideOfPackage("dev.replicasmcp.runtime..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.lang.ProcessBuilder");
}
