package dev.replicasmcp.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replicasmcp.domain.environment.Environment;
import dev.replicasmcp.domain.environment.EnvironmentFile;
import dev.replicasmcp.domain.environment.EnvironmentVariable;
import dev.replicasmcp.domain.environment.FileService;
import dev.replicasmcp.domain.environment.VariableService;
import dev.replicasmcp.support.Fails;
import dev.replicasmcp.support.TestCore;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of an environment's variables and files, each broken once, on the real core and SQLite. */
class VariableFileRulesTest {

    static final String UNKNOWN = "00000000-0000-4000-8000-0000000000aa";

    @TempDir
    Path dir;

    TestCore t;
    Environment env;
    VariableService variables;
    FileService files;

    @BeforeEach
    void start() throws Exception {
        t = new TestCore(dir, Duration.ZERO);
        env = t.environment("rules");
        variables = t.services.contents().variables();
        files = t.services.contents().files();
    }

    @AfterEach
    void stop() {
        t.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1ABC", "has-dash", "has space", "dollar$", "é", "A.B"})
    void variableKeysMustBeShellNames(String key) {
        Fails.invalid(() -> variables.create(t.caller, env.id(), key, "v"), "'key'", key);
    }

    @Test
    void validKeysAreStoredAndValuesReadBackInPlaintext() {
        for (String key : new String[] {"_X", "a", "DATABASE_URL", "x9"}) {
            variables.create(t.caller, env.id(), key, "value of " + key);
        }
        variables.create(t.caller, env.id(), "EMPTY", "");
        assertThat(variables.list(t.caller, env.id()))
                .extracting(EnvironmentVariable::key)
                .containsExactly("_X", "a", "DATABASE_URL", "x9", "EMPTY");
        assertThat(variables.list(t.caller, env.id()))
                .extracting(EnvironmentVariable::value)
                .contains("value of DATABASE_URL", "");
    }

    @Test
    void aMissingKeyOrValueIsRefused() {
        Fails.invalid(() -> variables.create(t.caller, env.id(), null, "v"), "'key'");
        Fails.invalid(() -> variables.create(t.caller, env.id(), "  ", "v"), "'key'");
        Fails.invalid(() -> variables.create(t.caller, env.id(), "K", null), "'value'");
        assertThat(variables.list(t.caller, env.id())).isEmpty();
    }

    @Test
    void aDuplicateKeyIsAConflict() {
        EnvironmentVariable first = variables.create(t.caller, env.id(), "TOKEN", "one");
        Fails.conflict(() -> variables.create(t.caller, env.id(), "TOKEN", "two"), "TOKEN", first.id());
        // The same key in another environment is fine.
        Environment other = t.services.environments().create(t.caller, "other", null, null, null, null);
        variables.create(t.caller, other.id(), "TOKEN", "three");
        assertThat(variables.list(t.caller, env.id()))
                .singleElement()
                .satisfies(v -> assertThat(v.value()).isEqualTo("one"));
    }

    @Test
    void renamingOntoAnExistingKeyIsAConflict() {
        variables.create(t.caller, env.id(), "A", "1");
        EnvironmentVariable b = variables.create(t.caller, env.id(), "B", "2");
        Fails.conflict(() -> variables.update(t.caller, env.id(), b.id(), "A", null), "'A'");
        EnvironmentVariable renamed = variables.update(t.caller, env.id(), b.id(), "C", null);
        assertThat(renamed.key()).isEqualTo("C");
        assertThat(renamed.value()).isEqualTo("2");
        assertThat(variables.update(t.caller, env.id(), b.id(), null, "new").value())
                .isEqualTo("new");
        Fails.invalid(() -> variables.update(t.caller, env.id(), b.id(), "9bad", null), "'key'");
    }

    @Test
    void unknownIdsAreNotFound() {
        EnvironmentVariable v = variables.create(t.caller, env.id(), "K", "v");
        Fails.notFound(() -> variables.update(t.caller, env.id(), UNKNOWN, null, "x"), UNKNOWN, "variable_id");
        Fails.notFound(() -> variables.delete(t.caller, env.id(), UNKNOWN), UNKNOWN);
        // A variable of another environment is not found through this one.
        Fails.notFound(() -> variables.delete(t.caller, "global", v.id()), v.id());
        Fails.notFound(() -> variables.list(t.caller, UNKNOWN), UNKNOWN);
        Fails.invalid(() -> variables.list(t.caller, "not-a-uuid"), "not-a-uuid");
        variables.delete(t.caller, env.id(), v.id());
        Fails.notFound(() -> variables.delete(t.caller, env.id(), v.id()), v.id());
    }

    @Test
    void fileContentIsLimitedTo65536Utf8Bytes() {
        String atLimit = "x".repeat(FileService.MAX_CONTENT_BYTES);
        assertThat(files.create(t.caller, env.id(), "big", "~/big.txt", atLimit).content())
                .hasSize(65_536);
        // 32,769 two-byte characters: fewer characters than the limit, more bytes.
        String overInBytes = "é".repeat(32_769);
        Fails.invalid(
                () -> files.create(t.caller, env.id(), "accents", "~/a.txt", overInBytes),
                "'content'",
                "65538",
                "65536");
        Fails.invalid(() -> files.create(t.caller, env.id(), "one-over", "~/b.txt", atLimit + "y"), "65537", "65536");
        EnvironmentFile small = files.create(t.caller, env.id(), "small", "~/s.txt", "s");
        Fails.invalid(() -> files.update(t.caller, env.id(), small.id(), null, null, overInBytes), "65538");
        Fails.invalid(() -> files.create(t.caller, env.id(), "none", "~/n.txt", null), "'content'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"relative/file", ".npmrc", "/etc/passwd", "/tmp/x", "~user/x", "~", "~/", "$HOME/x"})
    void filePathsMustStartWithTheHome(String path) {
        Fails.invalid(() -> files.create(t.caller, env.id(), "f", path, "c"), "'path'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"~/../escape", "~/a/../../b", "~/a/..", "~/ok/../still-refused"})
    void dotDotSegmentsAreRefused(String path) {
        Fails.invalid(() -> files.create(t.caller, env.id(), "f", path, "c"), "'path'", "..");
    }

    @Test
    void nulBytesAndFolderPathsAreRefused() {
        Fails.invalid(() -> files.create(t.caller, env.id(), "f", "~/a\0b", "c"), "'path'", "NUL");
        Fails.invalid(() -> files.create(t.caller, env.id(), "f", "~/dir/", "c"), "'path'");
        Fails.invalid(() -> files.create(t.caller, env.id(), "f", "~/./", "c"), "'path'");
        Fails.invalid(() -> files.create(t.caller, env.id(), "f", "~//./", "c"), "'path'");
        Fails.invalid(() -> files.create(t.caller, env.id(), null, "~/x", "c"), "'name'");
        Fails.invalid(() -> files.create(t.caller, env.id(), "f", null, "c"), "'path'");
        assertThat(files.list(t.caller, env.id())).isEmpty();
    }

    @Test
    void pathsAreNormalised() {
        assertThat(files.create(t.caller, env.id(), "f", "~//a/./b", "c").path())
                .isEqualTo("~/a/b");
        assertThat(files.create(t.caller, env.id(), "g", "~/workspaces//app/./.env", "c")
                        .path())
                .isEqualTo("~/workspaces/app/.env");
        EnvironmentFile f = files.create(t.caller, env.id(), "h", "~/h", "c");
        assertThat(files.update(t.caller, env.id(), f.id(), null, "~/./x//y", null)
                        .path())
                .isEqualTo("~/x/y");
        Fails.invalid(() -> files.update(t.caller, env.id(), f.id(), null, "~/x/../y", null), "..");
    }

    @Test
    void fileIdsMustBelongToTheEnvironment() {
        EnvironmentFile f = files.create(t.caller, env.id(), "f", "~/f", "c");
        Fails.notFound(() -> files.update(t.caller, env.id(), UNKNOWN, "n", null, null), UNKNOWN, "file_id");
        Fails.notFound(() -> files.update(t.caller, "global", f.id(), "n", null, null), f.id());
        Fails.notFound(() -> files.delete(t.caller, env.id(), UNKNOWN), UNKNOWN);
        EnvironmentFile renamed = files.update(t.caller, env.id(), f.id(), "renamed", null, null);
        assertThat(renamed.name()).isEqualTo("renamed");
        assertThat(renamed.path()).isEqualTo("~/f");
        assertThat(renamed.content()).isEqualTo("c");
    }
}
