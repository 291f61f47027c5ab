package dev.replicasmcp.runtime.workspace;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.replicasmcp.domain.workspace.RepositoryConfig;
import dev.replicasmcp.domain.workspace.RepositoryConfigs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads `replicas.json`, else `replicas.yaml`, else `replicas.yml` from a repository root (spec §8.6): only
 * the first found counts. Fields other than systemPrompt, startHook and warmHook (copy, ports) are ignored.
 */
public final class RepositoryConfigFiles implements RepositoryConfigs {

    public static final List<String> NAMES = List.of("replicas.json", "replicas.yaml", "replicas.yml");
    private static final long MAX_BYTES = 1L << 20;

    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper yaml = new YAMLMapper();

    @Override
    public Optional<RepositoryConfig> read(Path repositoryFolder) {
        for (String name : NAMES) {
            Path file = repositoryFolder.resolve(name);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(parse(name, file));
            }
        }
        return Optional.empty();
    }

    private RepositoryConfig parse(String name, Path file) {
        JsonNode root;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new RepositoryConfig.Invalid(name + " is larger than 1 MiB.");
            }
            root = (name.endsWith(".json") ? json : yaml).readTree(file.toFile());
        } catch (JacksonException e) {
            throw new RepositoryConfig.Invalid(name + " is not valid " + (name.endsWith(".json") ? "JSON" : "YAML")
                    + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + name, e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new RepositoryConfig(name, null, null, null);
        }
        if (!root.isObject()) {
            throw new RepositoryConfig.Invalid(name + " must hold an object with systemPrompt, startHook or warmHook.");
        }
        JsonNode prompt = root.path("systemPrompt");
        if (!prompt.isMissingNode() && !prompt.isNull() && !prompt.isTextual()) {
            throw new RepositoryConfig.Invalid(name + ": 'systemPrompt' must be a string.");
        }
        return new RepositoryConfig(
                name,
                prompt.isTextual() ? prompt.asText() : null,
                hook(name, "startHook", root.path("startHook")),
                hook(name, "warmHook", root.path("warmHook")));
    }

    private static RepositoryConfig.CommandHook hook(String file, String field, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new RepositoryConfig.Invalid(file + ": '" + field + "' must be an object {timeout, commands}.");
        }
        JsonNode commands = node.path("commands");
        List<String> list = new ArrayList<>();
        if (!commands.isMissingNode() && !commands.isNull()) {
            if (!commands.isArray()) {
                throw new RepositoryConfig.Invalid(file + ": '" + field + ".commands' must be a list of strings.");
            }
            for (JsonNode command : commands) {
                if (!command.isTextual()) {
                    throw new RepositoryConfig.Invalid(
                            file + ": '" + field + ".commands' must be a list of " + "strings; found "
                                    + command.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ".");
                }
                if (!command.asText().isBlank()) {
                    list.add(command.asText());
                }
            }
        }
        return new RepositoryConfig.CommandHook(
                timeout(file, field, node.path("timeout")),
                List.copyOf(list),
                !node.path("separate").isBoolean() || node.path("separate").asBoolean());
    }

    private static Duration timeout(String file, String field, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return RepositoryConfig.DEFAULT_TIMEOUT;
        }
        if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < 1) {
            throw new RepositoryConfig.Invalid(file + ": '" + field + ".timeout' must be a positive number of "
                    + "milliseconds; got " + node + ".");
        }
        Duration timeout = Duration.ofMillis(node.asLong());
        return timeout.compareTo(RepositoryConfig.MAX_TIMEOUT) > 0 ? RepositoryConfig.MAX_TIMEOUT : timeout;
    }
}
