package dev.replicasmcp.storage;

import static dev.replicasmcp.storage.jooq.Tables.AUTOMATIONS;
import static dev.replicasmcp.storage.jooq.Tables.AUTOMATION_EXECUTIONS;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.replicasmcp.domain.WireName;
import dev.replicasmcp.domain.agent.CodingAgent;
import dev.replicasmcp.domain.agent.ThinkingLevel;
import dev.replicasmcp.domain.automation.Automation;
import dev.replicasmcp.domain.automation.AutomationStore;
import dev.replicasmcp.domain.automation.Execution;
import dev.replicasmcp.domain.automation.ExecutionStatus;
import dev.replicasmcp.domain.automation.Triggers;
import dev.replicasmcp.domain.automation.WebhookTokens;
import dev.replicasmcp.domain.replica.LifecyclePolicy;
import dev.replicasmcp.storage.jooq.tables.records.AutomationExecutionsRecord;
import dev.replicasmcp.storage.jooq.tables.records.AutomationsRecord;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;

/**
 * Automations and executions in SQLite. Triggers and payloads are JSON columns; the webhook token is kept
 * as its SHA-256 hash (the lookup key) and as AES-GCM ciphertext bound to the automation's id (to show it).
 */
public final class SqlAutomationStore implements AutomationStore {

    private static final TypeReference<List<Map<String, Object>>> TRIGGERS = new TypeReference<>() {};

    private final Database db;
    private final SecretCipher cipher;

    public SqlAutomationStore(Database db, SecretCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    @Override
    public void insert(Automation a) {
        db.run(dsl -> {
            AutomationsRecord r = dsl.newRecord(AUTOMATIONS);
            r.setId(a.id());
            r.setOrganizationId(a.organizationId());
            r.setCreatedBy(a.createdBy());
            r.setCreatedAt(a.createdAt());
            fill(r, a);
            r.insert();
        });
    }

    @Override
    public void update(Automation a) {
        db.run(dsl -> {
            AutomationsRecord r = dsl.fetchOne(
                    AUTOMATIONS, AUTOMATIONS.ID.eq(a.id()).and(AUTOMATIONS.ORGANIZATION_ID.eq(a.organizationId())));
            if (r == null) {
                return;
            }
            fill(r, a);
            r.update();
        });
    }

    private void fill(AutomationsRecord r, Automation a) {
        r.setName(a.name());
        r.setDescription(a.description());
        r.setTriggersJson(Json.write(Triggers.toFields(a.triggers())));
        r.setPrompt(a.prompt());
        r.setEnvironmentId(a.environmentId());
        r.setEnabled(a.enabled() ? 1 : 0);
        r.setWebhookTokenHash(a.webhookToken() == null ? null : WebhookTokens.hash(a.webhookToken()));
        r.setWebhookTokenCiphertext(
                a.webhookToken() == null ? null : cipher.encrypt(a.webhookToken(), context(a.id())));
        r.setCronExpression(a.cronExpression());
        r.setCronTimezone(a.cronTimezone());
        r.setCronNextFireAt(a.cronNextFireAt());
        r.setWorkspaceLifecyclePolicy(a.workspaceLifecyclePolicy().wire());
        r.setWorkspaceAutoStopMinutes(a.workspaceAutoStopMinutes());
        r.setAgentProvider(wire(a.agentProvider()));
        r.setModel(a.model());
        r.setThinkingLevel(wire(a.thinkingLevel()));
        r.setConsecutiveFailures(a.consecutiveFailures());
        r.setUpdatedAt(a.updatedAt());
    }

    @Override
    public boolean delete(String organizationId, String id) {
        return db.with(dsl -> dsl.deleteFrom(AUTOMATIONS)
                        .where(AUTOMATIONS.ID.eq(id).and(AUTOMATIONS.ORGANIZATION_ID.eq(organizationId)))
                        .execute())
                > 0;
    }

    @Override
    public Optional<Automation> find(String organizationId, String id) {
        return one(AUTOMATIONS.ID.eq(id).and(AUTOMATIONS.ORGANIZATION_ID.eq(organizationId)));
    }

    @Override
    public Optional<Automation> findById(String id) {
        return one(AUTOMATIONS.ID.eq(id));
    }

    @Override
    public List<Automation> page(String organizationId, long offset, int limit) {
        return db.with(dsl -> dsl.selectFrom(AUTOMATIONS)
                .where(AUTOMATIONS.ORGANIZATION_ID.eq(organizationId))
                .orderBy(AUTOMATIONS.CREATED_AT.desc(), AUTOMATIONS.ID.desc())
                .limit(limit)
                .offset(offset)
                .fetch(this::automation));
    }

    @Override
    public int count(String organizationId) {
        return db.with(dsl -> dsl.fetchCount(AUTOMATIONS, AUTOMATIONS.ORGANIZATION_ID.eq(organizationId)));
    }

    @Override
    public List<Automation> all(String organizationId) {
        return db.with(dsl -> dsl.selectFrom(AUTOMATIONS)
                .where(AUTOMATIONS.ORGANIZATION_ID.eq(organizationId))
                .orderBy(AUTOMATIONS.CREATED_AT, AUTOMATIONS.ID)
                .fetch(this::automation));
    }

    @Override
    public Optional<Automation> findByWebhookTokenHash(String hash) {
        return one(AUTOMATIONS.WEBHOOK_TOKEN_HASH.eq(hash));
    }

    @Override
    public List<Automation> dueCron(String nowIso) {
        return db.with(dsl -> dsl.selectFrom(AUTOMATIONS)
                .where(AUTOMATIONS.ENABLED.eq(1).and(AUTOMATIONS.CRON_NEXT_FIRE_AT.le(nowIso)))
                .orderBy(AUTOMATIONS.CRON_NEXT_FIRE_AT, AUTOMATIONS.ID)
                .fetch(this::automation));
    }

    @Override
    public void setNextFire(String id, String nextFireAtIso) {
        db.run(dsl -> dsl.update(AUTOMATIONS)
                .set(AUTOMATIONS.CRON_NEXT_FIRE_AT, nextFireAtIso)
                .where(AUTOMATIONS.ID.eq(id))
                .execute());
    }

    @Override
    public void setConsecutiveFailures(String id, int failures) {
        db.run(dsl -> dsl.update(AUTOMATIONS)
                .set(AUTOMATIONS.CONSECUTIVE_FAILURES, failures)
                .where(AUTOMATIONS.ID.eq(id))
                .execute());
    }

    @Override
    public void disable(String id, String updatedAtIso) {
        db.run(dsl -> dsl.update(AUTOMATIONS)
                .set(AUTOMATIONS.ENABLED, 0)
                .set(AUTOMATIONS.UPDATED_AT, updatedAtIso)
                .where(AUTOMATIONS.ID.eq(id))
                .execute());
    }

    @Override
    public void insertExecution(Execution e) {
        db.run(dsl -> dsl.insertInto(AUTOMATION_EXECUTIONS)
                .set(AUTOMATION_EXECUTIONS.ID, e.id())
                .set(AUTOMATION_EXECUTIONS.AUTOMATION_ID, e.automationId())
                .set(AUTOMATION_EXECUTIONS.ORGANIZATION_ID, e.organizationId())
                .set(AUTOMATION_EXECUTIONS.WORKSPACE_ID, e.workspaceId())
                .set(AUTOMATION_EXECUTIONS.TRIGGERED_AT, e.triggeredAt())
                .set(AUTOMATION_EXECUTIONS.TRIGGER_PAYLOAD_JSON, Json.write(e.triggerPayload()))
                .set(AUTOMATION_EXECUTIONS.STATUS, e.status().wire())
                .set(AUTOMATION_EXECUTIONS.ERROR, e.error())
                .set(AUTOMATION_EXECUTIONS.COMPLETED_AT, e.completedAt())
                .execute());
    }

    @Override
    public void updateExecution(Execution e) {
        db.run(dsl -> dsl.update(AUTOMATION_EXECUTIONS)
                .set(AUTOMATION_EXECUTIONS.WORKSPACE_ID, e.workspaceId())
                .set(AUTOMATION_EXECUTIONS.STATUS, e.status().wire())
                .set(AUTOMATION_EXECUTIONS.ERROR, e.error())
                .set(AUTOMATION_EXECUTIONS.COMPLETED_AT, e.completedAt())
                .where(AUTOMATION_EXECUTIONS.ID.eq(e.id()))
                .execute());
    }

    @Override
    public Optional<Execution> findExecution(String id) {
        return db.with(dsl -> dsl.selectFrom(AUTOMATION_EXECUTIONS)
                .where(AUTOMATION_EXECUTIONS.ID.eq(id))
                .fetchOptional(SqlAutomationStore::execution));
    }

    @Override
    public List<Execution> pageExecutions(String automationId, long offset, int limit) {
        return db.with(dsl -> dsl.selectFrom(AUTOMATION_EXECUTIONS)
                .where(AUTOMATION_EXECUTIONS.AUTOMATION_ID.eq(automationId))
                .orderBy(
                        AUTOMATION_EXECUTIONS.TRIGGERED_AT.desc(),
                        AUTOMATION_EXECUTIONS.rowid().desc())
                .limit(limit)
                .offset(offset)
                .fetch(SqlAutomationStore::execution));
    }

    @Override
    public int countExecutions(String automationId) {
        return db.with(
                dsl -> dsl.fetchCount(AUTOMATION_EXECUTIONS, AUTOMATION_EXECUTIONS.AUTOMATION_ID.eq(automationId)));
    }

    @Override
    public List<Execution> executionsInStatus(Collection<ExecutionStatus> statuses) {
        List<String> wires = statuses.stream().map(WireName::wire).toList();
        return db.with(dsl -> dsl.selectFrom(AUTOMATION_EXECUTIONS)
                .where(AUTOMATION_EXECUTIONS.STATUS.in(wires))
                .orderBy(AUTOMATION_EXECUTIONS.TRIGGERED_AT, AUTOMATION_EXECUTIONS.rowid())
                .fetch(SqlAutomationStore::execution));
    }

    @Override
    public int countOrganizationExecutionsSince(String organizationId, String sinceIso) {
        return db.with(dsl -> dsl.fetchCount(
                AUTOMATION_EXECUTIONS,
                AUTOMATION_EXECUTIONS
                        .ORGANIZATION_ID
                        .eq(organizationId)
                        .and(AUTOMATION_EXECUTIONS.TRIGGERED_AT.ge(sinceIso))));
    }

    @Override
    public int countAutomationExecutionsSince(String automationId, String sinceIso) {
        return db.with(dsl -> dsl.fetchCount(
                AUTOMATION_EXECUTIONS,
                AUTOMATION_EXECUTIONS
                        .AUTOMATION_ID
                        .eq(automationId)
                        .and(AUTOMATION_EXECUTIONS.TRIGGERED_AT.ge(sinceIso))));
    }

    private Optional<Automation> one(Condition where) {
        return db.with(dsl -> dsl.selectFrom(AUTOMATIONS).where(where).fetchOptional(this::automation));
    }

    private Automation automation(AutomationsRecord r) {
        String token = r.getWebhookTokenCiphertext() == null
                ? null
                : cipher.decrypt(r.getWebhookTokenCiphertext(), context(r.getId()));
        return new Automation(
                r.getId(),
                r.getOrganizationId(),
                r.getName(),
                r.getDescription(),
                Triggers.fromFields(Json.read(r.getTriggersJson(), TRIGGERS)),
                r.getPrompt(),
                r.getEnvironmentId(),
                r.getEnabled() != 0,
                token,
                r.getCronExpression(),
                r.getCronTimezone(),
                r.getCronNextFireAt(),
                r.getCreatedBy(),
                LifecyclePolicy.valueOf(r.getWorkspaceLifecyclePolicy().toUpperCase(Locale.ROOT)),
                r.getWorkspaceAutoStopMinutes(),
                r.getAgentProvider() == null
                        ? null
                        : CodingAgent.valueOf(r.getAgentProvider().toUpperCase(Locale.ROOT)),
                r.getModel(),
                r.getThinkingLevel() == null
                        ? null
                        : ThinkingLevel.valueOf(r.getThinkingLevel().toUpperCase(Locale.ROOT)),
                r.getConsecutiveFailures(),
                r.getCreatedAt(),
                r.getUpdatedAt());
    }

    private static Execution execution(AutomationExecutionsRecord r) {
        return new Execution(
                r.getId(),
                r.getAutomationId(),
                r.getOrganizationId(),
                r.getWorkspaceId(),
                r.getTriggeredAt(),
                Json.readObject(r.getTriggerPayloadJson()),
                ExecutionStatus.fromWire(r.getStatus()),
                r.getError(),
                r.getCompletedAt());
    }

    private static String wire(WireName value) {
        return value == null ? null : value.wire();
    }

    private static String context(String automationId) {
        return "automation_webhook_token:" + automationId;
    }
}
