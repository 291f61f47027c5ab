package dev.replicasmcp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatchers;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Test packages mirror main: a test lives in the package of the main code it exercises, so its package says
 * what it covers and where to find it. Only these test packages have no main counterpart:
 * <ul>
 * <li>the root, for the rules about the whole code base (this class, {@link ArchitectureTest});</li>
 * <li>{@code support} and its subpackages: helpers shared by tests of several packages;</li>
 * <li>{@code e2e}: end-to-end tests (failsafe, classes *IT) that start the packaged jar as a process and go
 * through every layer at once, so no one main package is theirs;</li>
 * <li>{@code conformance}: the MCP conformance fixtures, which scripts/conformance copies from
 * target/test-classes by this package name (and which the product must not hold).</li>
 * </ul>
 */
class TestLayoutTest {

    private static final String ROOT = "dev.replicasmcp";
    private static final List<String> TEST_ONLY =
            List.of(ROOT, ROOT + ".support..", ROOT + ".e2e", ROOT + ".conformance");

    @Test
    void everyTestLivesInAMainPackageOrATestOnlyOne() {
        Set<String> mainPackages = packagesOf(new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages(ROOT));
        JavaClasses tests = new ClassFileImporter()
                .withImportOption(new ImportOption.OnlyIncludeTests())
                .importPackages(ROOT);
        assertThat(mainPackages).as("main packages found on the class path").contains(ROOT + ".domain");

        // Main packages count by exact name: a package holding no main class (rest.http, runtime) is refused.
        PackageMatchers testOnly = PackageMatchers.of(TEST_ONLY.toArray(String[]::new));
        classes()
                .should(new ArchCondition<JavaClass>("reside in a main package or a test-only one") {
                    @Override
                    public void check(JavaClass test, ConditionEvents events) {
                        String in = test.getPackageName();
                        if (!mainPackages.contains(in) && !testOnly.test(in)) {
                            events.add(SimpleConditionEvent.violated(
                                    test,
                                    test.getName() + " is in " + in
                                            + ", which holds no main code and is not one of the test-only packages "
                                            + TEST_ONLY
                                            + ": move it to the package of the main code it tests"));
                        }
                    }
                })
                .check(tests);
    }

    private static Set<String> packagesOf(JavaClasses classes) {
        return classes.stream().map(JavaClass::getPackageName).collect(Collectors.toCollection(TreeSet::new));
    }
}
