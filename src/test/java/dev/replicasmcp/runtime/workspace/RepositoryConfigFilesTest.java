package dev.replicasmcp.runtime.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replicasmcp.domain.workspace.RepositoryConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryConfigFilesTest {

    @TempDir
    Path dir;

    final RepositoryConfigFiles files = new RepositoryConfigFiles();

    @Test
    void noFileIsNoConfig() {
        assertThat(files.read(dir)).isEmpty();
    }

    @Test
    void jsonWinsOverYamlAndDefaultsApply() throws Exception {
        Files.writeString(dir.resolve("replicas.yaml"), "systemPrompt: from yaml\n");
        Files.writeString(
                dir.resolve("replicas.json"),
                "{\"startHook\": {\"commands\": [\"npm ci\", \" \"]}, " + "\"copy\": [\".env\"]}");
        RepositoryConfig config = files.read(dir).orElseThrow();
        assertThat(config.file()).isEqualTo("replicas.json");
        assertThat(config.systemPrompt()).isNull();
        assertThat(config.startHook().commands()).containsExactly("npm ci");
        assertThat(config.startHook().timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.startHook().separate()).isTrue();
        assertThat(config.warmHook()).isNull();
    }

    @Test
    void yamlAndYmlAreReadWithBlockScalarsAndTheTimeoutIsCappedAtFifteenMinutes() throws Exception {
        Files.writeString(dir.resolve("replicas.yml"), """
                systemPrompt: |
                  Use pnpm.
                  Run the linter.
                warmHook:
                  timeout: 99999999
                  separate: false
                  commands:
                    - pnpm install
                    - pnpm build
                """);
        RepositoryConfig config = files.read(dir).orElseThrow();
        assertThat(config.file()).isEqualTo("replicas.yml");
        assertThat(config.systemPrompt()).isEqualTo("Use pnpm.\nRun the linter.\n");
        assertThat(config.warmHook().commands()).isEqualTo(List.of("pnpm install", "pnpm build"));
        assertThat(config.warmHook().timeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.warmHook().separate()).isFalse();
    }

    @Test
    void badFilesNameTheFileAndTheField() throws Exception {
        Files.writeString(dir.resolve("replicas.json"), "{\"startHook\": {\"timeout\": -5, \"commands\": []}}");
        assertThatThrownBy(() -> files.read(dir))
                .isInstanceOf(RepositoryConfig.Invalid.class)
                .hasMessageContaining("replicas.json")
                .hasMessageContaining("'startHook.timeout'");
        Files.writeString(dir.resolve("replicas.json"), "{\"warmHook\": {\"commands\": [1]}}");
        assertThatThrownBy(() -> files.read(dir)).hasMessageContaining("'warmHook.commands'");
        Files.writeString(dir.resolve("replicas.json"), "{not json");
        assertThatThrownBy(() -> files.read(dir)).hasMessageContaining("not valid JSON");
        Files.delete(dir.resolve("replicas.json"));
        Files.writeString(dir.resolve("replicas.yaml"), "- a list\n");
        assertThatThrownBy(() -> files.read(dir)).hasMessageContaining("must hold an object");
    }
}
