package dev.replicasmcp.storage;

import static dev.replicasmcp.storage.jooq.Tables.ENVIRONMENT_FILES;
import static dev.replicasmcp.storage.jooq.Tables.ENVIRONMENT_HOOKS;
import static dev.replicasmcp.storage.jooq.Tables.ENVIRONMENT_MCPS;
import static dev.replicasmcp.storage.jooq.Tables.ENVIRONMENT_SKILLS;
import static dev.replicasmcp.storage.jooq.Tables.ENVIRONMENT_VARIABLES;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.domain.environment.EnvironmentConfigStore;
import dev.replicasmcp.domain.environment.EnvironmentFile;
import dev.replicasmcp.domain.environment.EnvironmentMcp;
import dev.replicasmcp.domain.environment.EnvironmentSkill;
import dev.replicasmcp.domain.environment.EnvironmentVariable;
import dev.replicasmcp.domain.environment.HookKind;
import dev.replicasmcp.domain.environment.HookScript;
import dev.replicasmcp.domain.environment.McpConfig;
import dev.replicasmcp.domain.environment.McpTransport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Environment contents in SQLite; variable values, file contents and MCP configs are ciphertext. */
public final class SqlEnvironmentConfigStore implements EnvironmentConfigStore {

    private final Database db;
    private final SecretCipher cipher;

    public SqlEnvironmentConfigStore(Database db, SecretCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /** An environment's rows of one table, oldest first (created_at ties go to insertion order). */
    private static StaticQuery listed(Table<?> table, Field<String> environmentId, Field<String> createdAt) {
        return StaticQuery.of(() -> DSL.selectFrom(table)
                .where(environmentId.eq(StaticQuery.value("environment")))
                .orderBy(createdAt, table.rowid()));
    }

    @Override
    public List<EnvironmentVariable> variables(String environmentId) {
        return Sql.LIST_ENVIRONMENT_VARIABLES
                .fetchInto(db, ENVIRONMENT_VARIABLES, Map.of("environment", environmentId))
                .stream()
                .map(r -> new EnvironmentVariable(
                        r.getId(),
                        r.getOrganizationId(),
                        r.getEnvironmentId(),
                        r.getKey(),
                        cipher.decrypt(r.getValueCiphertext(), "variable:" + r.getId()),
                        r.getCreatedAt(),
                        r.getUpdatedAt()))
                .toList();
    }

    @Override
    public void saveVariable(EnvironmentVariable v, boolean isNew) {
        String sealed = cipher.encrypt(v.value(), "variable:" + v.id());
        db.run(dsl -> {
            if (isNew) {
                dsl.insertInto(ENVIRONMENT_VARIABLES)
                        .set(ENVIRONMENT_VARIABLES.ID, v.id())
                        .set(ENVIRONMENT_VARIABLES.ORGANIZATION_ID, v.organizationId())
                        .set(ENVIRONMENT_VARIABLES.ENVIRONMENT_ID, v.environmentId())
                        .set(ENVIRONMENT_VARIABLES.KEY, v.key())
                        .set(ENVIRONMENT_VARIABLES.VALUE_CIPHERTEXT, sealed)
                        .set(ENVIRONMENT_VARIABLES.CREATED_AT, v.createdAt())
                        .set(ENVIRONMENT_VARIABLES.UPDATED_AT, v.updatedAt())
                        .execute();
            } else {
                dsl.update(ENVIRONMENT_VARIABLES)
                        .set(ENVIRONMENT_VARIABLES.KEY, v.key())
                        .set(ENVIRONMENT_VARIABLES.VALUE_CIPHERTEXT, sealed)
                        .set(ENVIRONMENT_VARIABLES.UPDATED_AT, v.updatedAt())
                        .where(ENVIRONMENT_VARIABLES.ID.eq(v.id()))
                        .execute();
            }
        });
    }

    @Override
    public List<EnvironmentFile> files(String environmentId) {
        return Sql.LIST_ENVIRONMENT_FILES
                .fetchInto(db, ENVIRONMENT_FILES, Map.of("environment", environmentId))
                .stream()
                .map(r -> new EnvironmentFile(
                        r.getId(),
                        r.getOrganizationId(),
                        r.getEnvironmentId(),
                        r.getName(),
                        r.getPath(),
                        cipher.decrypt(r.getContentCiphertext(), "file:" + r.getId()),
                        r.getCreatedAt(),
                        r.getUpdatedAt()))
                .toList();
    }

    @Override
    public void saveFile(EnvironmentFile f, boolean isNew) {
        String sealed = cipher.encrypt(f.content(), "file:" + f.id());
        db.run(dsl -> {
            if (isNew) {
                dsl.insertInto(ENVIRONMENT_FILES)
                        .set(ENVIRONMENT_FILES.ID, f.id())
                        .set(ENVIRONMENT_FILES.ORGANIZATION_ID, f.organizationId())
                        .set(ENVIRONMENT_FILES.ENVIRONMENT_ID, f.environmentId())
                        .set(ENVIRONMENT_FILES.NAME, f.name())
                        .set(ENVIRONMENT_FILES.PATH, f.path())
                        .set(ENVIRONMENT_FILES.CONTENT_CIPHERTEXT, sealed)
                        .set(ENVIRONMENT_FILES.CREATED_AT, f.createdAt())
                        .set(ENVIRONMENT_FILES.UPDATED_AT, f.updatedAt())
                        .execute();
            } else {
                dsl.update(ENVIRONMENT_FILES)
                        .set(ENVIRONMENT_FILES.NAME, f.name())
                        .set(ENVIRONMENT_FILES.PATH, f.path())
                        .set(ENVIRONMENT_FILES.CONTENT_CIPHERTEXT, sealed)
                        .set(ENVIRONMENT_FILES.UPDATED_AT, f.updatedAt())
                        .where(ENVIRONMENT_FILES.ID.eq(f.id()))
                        .execute();
            }
        });
    }

    @Override
    public List<EnvironmentMcp> mcps(String environmentId) {
        return Sql.LIST_ENVIRONMENT_MCPS.fetchInto(db, ENVIRONMENT_MCPS, Map.of("environment", environmentId)).stream()
                .map(r -> {
                    McpTransport transport =
                            McpTransport.valueOf(r.getTransport().toUpperCase(Locale.ROOT));
                    JsonNode config = Json.read(cipher.decrypt(r.getConfigCiphertext(), "mcp:" + r.getId()));
                    return new EnvironmentMcp(
                            r.getId(),
                            r.getOrganizationId(),
                            r.getEnvironmentId(),
                            r.getName(),
                            transport,
                            toConfig(transport, config),
                            r.getCreatedAt(),
                            r.getUpdatedAt());
                })
                .toList();
    }

    @Override
    public void saveMcp(EnvironmentMcp m, boolean isNew) {
        String sealed = cipher.encrypt(Json.write(m.config()), "mcp:" + m.id());
        db.run(dsl -> {
            if (isNew) {
                dsl.insertInto(ENVIRONMENT_MCPS)
                        .set(ENVIRONMENT_MCPS.ID, m.id())
                        .set(ENVIRONMENT_MCPS.ORGANIZATION_ID, m.organizationId())
                        .set(ENVIRONMENT_MCPS.ENVIRONMENT_ID, m.environmentId())
                        .set(ENVIRONMENT_MCPS.NAME, m.name())
                        .set(ENVIRONMENT_MCPS.TRANSPORT, m.transport().wire())
                        .set(ENVIRONMENT_MCPS.CONFIG_CIPHERTEXT, sealed)
                        .set(ENVIRONMENT_MCPS.CREATED_AT, m.createdAt())
                        .set(ENVIRONMENT_MCPS.UPDATED_AT, m.updatedAt())
                        .execute();
            } else {
                dsl.update(ENVIRONMENT_MCPS)
                        .set(ENVIRONMENT_MCPS.NAME, m.name())
                        .set(ENVIRONMENT_MCPS.TRANSPORT, m.transport().wire())
                        .set(ENVIRONMENT_MCPS.CONFIG_CIPHERTEXT, sealed)
                        .set(ENVIRONMENT_MCPS.UPDATED_AT, m.updatedAt())
                        .where(ENVIRONMENT_MCPS.ID.eq(m.id()))
                        .execute();
            }
        });
    }

    private static McpConfig toConfig(McpTransport transport, JsonNode node) {
        if (transport == McpTransport.STDIO) {
            List<String> args = new ArrayList<>();
            node.path("args").forEach(a -> args.add(a.asText()));
            return new McpConfig.Stdio(node.path("command").asText(), args, strings(node.path("env")));
        }
        return new McpConfig.Http(node.path("url").asText(), strings(node.path("headers")));
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    @Override
    public List<EnvironmentSkill> skills(String environmentId) {
        return Sql.LIST_ENVIRONMENT_SKILLS
                .fetchInto(db, ENVIRONMENT_SKILLS, Map.of("environment", environmentId))
                .stream()
                .map(r -> new EnvironmentSkill(
                        r.getId(),
                        r.getOrganizationId(),
                        r.getEnvironmentId(),
                        r.getName(),
                        r.getSlug(),
                        r.getSource(),
                        r.getCreatedAt(),
                        r.getUpdatedAt()))
                .toList();
    }

    @Override
    public void insertSkill(EnvironmentSkill s) {
        db.run(dsl -> dsl.insertInto(ENVIRONMENT_SKILLS)
                .set(ENVIRONMENT_SKILLS.ID, s.id())
                .set(ENVIRONMENT_SKILLS.ORGANIZATION_ID, s.organizationId())
                .set(ENVIRONMENT_SKILLS.ENVIRONMENT_ID, s.environmentId())
                .set(ENVIRONMENT_SKILLS.NAME, s.name())
                .set(ENVIRONMENT_SKILLS.SLUG, s.slug())
                .set(ENVIRONMENT_SKILLS.SOURCE, s.source())
                .set(ENVIRONMENT_SKILLS.CREATED_AT, s.createdAt())
                .set(ENVIRONMENT_SKILLS.UPDATED_AT, s.updatedAt())
                .execute());
    }

    @Override
    public boolean delete(Item item, String environmentId, String id) {
        return db.with(dsl -> switch (item) {
                    case VARIABLE ->
                        dsl.deleteFrom(ENVIRONMENT_VARIABLES)
                                .where(ENVIRONMENT_VARIABLES
                                        .ID
                                        .eq(id)
                                        .and(ENVIRONMENT_VARIABLES.ENVIRONMENT_ID.eq(environmentId)))
                                .execute();
                    case FILE ->
                        dsl.deleteFrom(ENVIRONMENT_FILES)
                                .where(ENVIRONMENT_FILES
                                        .ID
                                        .eq(id)
                                        .and(ENVIRONMENT_FILES.ENVIRONMENT_ID.eq(environmentId)))
                                .execute();
                    case MCP ->
                        dsl.deleteFrom(ENVIRONMENT_MCPS)
                                .where(ENVIRONMENT_MCPS
                                        .ID
                                        .eq(id)
                                        .and(ENVIRONMENT_MCPS.ENVIRONMENT_ID.eq(environmentId)))
                                .execute();
                    case SKILL ->
                        dsl.deleteFrom(ENVIRONMENT_SKILLS)
                                .where(ENVIRONMENT_SKILLS
                                        .ID
                                        .eq(id)
                                        .and(ENVIRONMENT_SKILLS.ENVIRONMENT_ID.eq(environmentId)))
                                .execute();
                })
                > 0;
    }

    @Override
    public Optional<HookScript> activeHook(String environmentId, HookKind kind) {
        return Sql.ACTIVE_HOOK
                .fetchInto(db, ENVIRONMENT_HOOKS, Map.of("environment", environmentId, "kind", kind.wire()))
                .stream()
                .findFirst()
                .map(r -> new HookScript(
                        r.getId(),
                        r.getOrganizationId(),
                        r.getEnvironmentId(),
                        kind,
                        r.getVersion(),
                        r.getContent(),
                        true,
                        r.getCreatedAt()));
    }

    @Override
    public HookScript saveHook(HookScript draft) {
        return db.inTransaction(() -> db.with(dsl -> {
            int version = dsl.select(DSL.coalesce(DSL.max(ENVIRONMENT_HOOKS.VERSION), 0))
                            .from(ENVIRONMENT_HOOKS)
                            .where(ENVIRONMENT_HOOKS
                                    .ENVIRONMENT_ID
                                    .eq(draft.environmentId())
                                    .and(ENVIRONMENT_HOOKS.KIND.eq(draft.kind().wire())))
                            .fetchOne(0, Integer.class)
                    + 1;
            dsl.update(ENVIRONMENT_HOOKS)
                    .set(ENVIRONMENT_HOOKS.IS_ACTIVE, 0)
                    .where(ENVIRONMENT_HOOKS
                            .ENVIRONMENT_ID
                            .eq(draft.environmentId())
                            .and(ENVIRONMENT_HOOKS.KIND.eq(draft.kind().wire())))
                    .execute();
            dsl.insertInto(ENVIRONMENT_HOOKS)
                    .set(ENVIRONMENT_HOOKS.ID, draft.id())
                    .set(ENVIRONMENT_HOOKS.ORGANIZATION_ID, draft.organizationId())
                    .set(ENVIRONMENT_HOOKS.ENVIRONMENT_ID, draft.environmentId())
                    .set(ENVIRONMENT_HOOKS.KIND, draft.kind().wire())
                    .set(ENVIRONMENT_HOOKS.VERSION, version)
                    .set(ENVIRONMENT_HOOKS.CONTENT, draft.content())
                    .set(ENVIRONMENT_HOOKS.IS_ACTIVE, 1)
                    .set(ENVIRONMENT_HOOKS.CREATED_AT, draft.createdAt())
                    .execute();
            return new HookScript(
                    draft.id(),
                    draft.organizationId(),
                    draft.environmentId(),
                    draft.kind(),
                    version,
                    draft.content(),
                    true,
                    draft.createdAt());
        }));
    }

    /** Built at their first use, not when the store is made: a start needs no jOOQ ({@link JooqStart}). */
    private static final class Sql {
        /** Every turn reads its environments' settings: built and rendered once (see {@link StaticQuery}). */
        static final StaticQuery LIST_ENVIRONMENT_VARIABLES =
                listed(ENVIRONMENT_VARIABLES, ENVIRONMENT_VARIABLES.ENVIRONMENT_ID, ENVIRONMENT_VARIABLES.CREATED_AT);

        static final StaticQuery LIST_ENVIRONMENT_FILES =
                listed(ENVIRONMENT_FILES, ENVIRONMENT_FILES.ENVIRONMENT_ID, ENVIRONMENT_FILES.CREATED_AT);
        static final StaticQuery LIST_ENVIRONMENT_MCPS =
                listed(ENVIRONMENT_MCPS, ENVIRONMENT_MCPS.ENVIRONMENT_ID, ENVIRONMENT_MCPS.CREATED_AT);
        static final StaticQuery LIST_ENVIRONMENT_SKILLS =
                listed(ENVIRONMENT_SKILLS, ENVIRONMENT_SKILLS.ENVIRONMENT_ID, ENVIRONMENT_SKILLS.CREATED_AT);
        static final StaticQuery ACTIVE_HOOK = StaticQuery.of(() -> DSL.selectFrom(ENVIRONMENT_HOOKS)
                .where(ENVIRONMENT_HOOKS
                        .ENVIRONMENT_ID
                        .eq(StaticQuery.value("environment"))
                        .and(ENVIRONMENT_HOOKS.KIND.eq(StaticQuery.value("kind")))
                        .and(ENVIRONMENT_HOOKS.IS_ACTIVE.eq(1))));
    }
}
