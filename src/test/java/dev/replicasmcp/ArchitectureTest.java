package dev.replicasmcp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the layers of DESIGN.md true as the code grows. */
@AnalyzeClasses(packages = "dev.replicasmcp", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNoAdapterOrInfrastructure = noClasses().that()
            .resideInAPackage("dev.replicasmcp.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("io.modelcontextprotocol..", "io.javalin..",
                    "org.jooq..", "org.flywaydb..", "java.sql..", "org.sqlite..", "dev.replicasmcp.mcp..",
                    "dev.replicasmcp.storage..", "dev.replicasmcp.runtime..", "dev.replicasmcp.app..",
                    "dev.replicasmcp.api..", "java.lang.ProcessBuilder");

    /** Events and payloads are domain records and value trees; JSON is read and written at the edges. */
    @ArchTest
    static final ArchRule domainSpeaksNoJson = noClasses().that()
            .resideInAPackage("dev.replicasmcp.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "com.google.gson..",
                    "org.json..", "jakarta.json..", "javax.json..");

    /** Runtime runs processes and workspaces; what it shares with storage (owner-only files) lives in files. */
    @ArchTest
    static final ArchRule runtimeDoesNotSeeStorage = noClasses().that()
            .resideInAPackage("dev.replicasmcp.runtime..")
            .should().dependOnClassesThat().resideInAPackage("dev.replicasmcp.storage..");

    @ArchTest
    static final ArchRule onlyStorageSpeaksSql = noClasses().that()
            .resideOutsideOfPackage("dev.replicasmcp.storage..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "org.flywaydb..");

    @ArchTest
    static final ArchRule adaptersDoNotSeeEachOtherOrTheWiring = noClasses().that()
            .resideInAnyPackage("dev.replicasmcp.mcp..", "dev.replicasmcp.api..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.replicasmcp.storage..",
                    "dev.replicasmcp.runtime..", "dev.replicasmcp.app..", "dev.replicasmcp.rest..");

    @ArchTest
    static final ArchRule restDoesNotSeeMcpOrTheInfrastructure = noClasses().that()
            .resideInAPackage("dev.replicasmcp.rest..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.replicasmcp.mcp..", "io.modelcontextprotocol..",
                    "dev.replicasmcp.storage..", "dev.replicasmcp.runtime..", "dev.replicasmcp.app..");

    @ArchTest
    static final ArchRule mcpDoesNotSeeRestOrJavalin = noClasses().that()
            .resideInAPackage("dev.replicasmcp.mcp..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.replicasmcp.rest..", "io.javalin..");

    /** The conformance fixtures see only the MCP adapter and the SDK, never the product's core. */
    @ArchTest
    static final ArchRule conformanceFixturesStayOutOfTheProduct = noClasses().that()
            .resideInAPackage("dev.replicasmcp.conformance..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.replicasmcp.domain..",
                    "dev.replicasmcp.api..", "dev.replicasmcp.storage..", "dev.replicasmcp.runtime..",
                    "dev.replicasmcp.rest..", "dev.replicasmcp.app..", "io.javalin..");

    /** Only the wiring (app) switches the test-only conformance profile on. */
    @ArchTest
    static final ArchRule onlyTheWiringKnowsTheConformanceProfile = noClasses().that()
            .resideOutsideOfPackages("dev.replicasmcp.app..", "dev.replicasmcp.conformance..")
            .should().dependOnClassesThat().resideInAPackage("dev.replicasmcp.conformance..");

    @ArchTest
    static final ArchRule onlyRuntimeStartsProcesses = noClasses().that()
            .resideOutsideOfPackage("dev.replicasmcp.runtime..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder");
}
