package dev.replicasmcp.runtime.skill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replicasmcp.domain.environment.CatalogSkill;
import dev.replicasmcp.domain.environment.SkillCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The skill catalog without internet: a few skills shipped inside the program, plus every folder with a
 * SKILL.md that the user puts in the data folder's `skills/` directory (read on each search, so new
 * folders show up without a restart).
 */
public final class LocalSkillCatalog implements SkillCatalog {

    private static final Pattern FRONT = Pattern.compile("(?s)^---\\s*\\n(.*?)\\n---");
    private static final int MAX_FILE_BYTES = 256 * 1024;

    private final Path userSkills;
    private final List<Entry> builtIn;

    private record Entry(CatalogSkill skill, Map<String, String> files) {}

    public LocalSkillCatalog(Path dataDir) {
        this.userSkills = dataDir.resolve("skills");
        this.builtIn = loadBuiltIn();
    }

    @Override
    public List<CatalogSkill> search(String query) {
        String q = query.toLowerCase(Locale.ROOT);
        return entries().stream()
                .map(Entry::skill)
                .filter(s -> q.isEmpty()
                        || (s.name() + " " + s.slug() + " " + s.description())
                                .toLowerCase(Locale.ROOT)
                                .contains(q))
                .sorted(Comparator.comparingInt(CatalogSkill::installs)
                        .reversed()
                        .thenComparing(CatalogSkill::slug))
                .toList();
    }

    @Override
    public Optional<CatalogSkill> find(String slug) {
        return entries().stream()
                .map(Entry::skill)
                .filter(s -> s.slug().equals(slug))
                .findFirst();
    }

    @Override
    public Map<String, String> files(String slug) {
        return entries().stream()
                .filter(e -> e.skill().slug().equals(slug))
                .findFirst()
                .map(Entry::files)
                .orElse(Map.of());
    }

    private List<Entry> entries() {
        List<Entry> all = new ArrayList<>(userEntries());
        builtIn.stream()
                .filter(b -> all.stream()
                        .noneMatch(u -> u.skill().slug().equals(b.skill().slug())))
                .forEach(all::add);
        return all;
    }

    private List<Entry> userEntries() {
        if (!Files.isDirectory(userSkills)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(userSkills)) {
            return folders.filter(f -> Files.isRegularFile(f.resolve("SKILL.md")))
                    .sorted()
                    .map(this::userEntry)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private Entry userEntry(Path folder) {
        String slug = folder.getFileName().toString().toLowerCase(Locale.ROOT);
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(folder, 4)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                if (Files.size(file) <= MAX_FILE_BYTES) {
                    files.put(folder.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            files.putIfAbsent("SKILL.md", "");
        }
        String front = frontMatter(files.getOrDefault("SKILL.md", ""));
        String name = field(front, "name", slug);
        return new Entry(
                new CatalogSkill(
                        name,
                        slug,
                        "local:" + folder.getFileName(),
                        field(front, "description", "Skill from " + folder),
                        0),
                files);
    }

    private static String frontMatter(String skillMd) {
        Matcher matcher = FRONT.matcher(skillMd);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static String field(String front, String key, String fallback) {
        Matcher matcher = Pattern.compile("(?m)^" + key + ":\\s*(.+)$").matcher(front);
        return matcher.find() ? matcher.group(1).trim() : fallback;
    }

    private static List<Entry> loadBuiltIn() {
        try (InputStream in = LocalSkillCatalog.class.getResourceAsStream("/skills/catalog.json")) {
            if (in == null) {
                return List.of();
            }
            List<Entry> entries = new ArrayList<>();
            for (JsonNode node : new ObjectMapper().readTree(in)) {
                Map<String, String> files = new LinkedHashMap<>();
                node.path("files")
                        .fields()
                        .forEachRemaining(
                                f -> files.put(f.getKey(), f.getValue().asText()));
                entries.add(new Entry(
                        new CatalogSkill(
                                node.path("name").asText(),
                                node.path("slug").asText(),
                                node.path("source").asText(),
                                node.path("description").asText(),
                                node.path("installs").asInt()),
                        files));
            }
            return List.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("The shipped skill catalog is unreadable", e);
        }
    }
}
