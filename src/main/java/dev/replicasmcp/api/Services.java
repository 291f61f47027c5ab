package dev.replicasmcp.api;

import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.agent.AgentService;
import dev.replicasmcp.domain.audit.AuditLog;
import dev.replicasmcp.domain.automation.AutomationRuns;
import dev.replicasmcp.domain.automation.AutomationService;
import dev.replicasmcp.domain.chat.ChatService;
import dev.replicasmcp.domain.chat.HistoryService;
import dev.replicasmcp.domain.chat.MessageService;
import dev.replicasmcp.domain.environment.EnvironmentService;
import dev.replicasmcp.domain.environment.FileService;
import dev.replicasmcp.domain.environment.HookService;
import dev.replicasmcp.domain.environment.McpService;
import dev.replicasmcp.domain.environment.SkillService;
import dev.replicasmcp.domain.environment.VariableService;
import dev.replicasmcp.domain.event.ReplicaEvents;
import dev.replicasmcp.domain.integration.EventReceiver;
import dev.replicasmcp.domain.integration.IntegrationService;
import dev.replicasmcp.domain.pool.WarmPoolService;
import dev.replicasmcp.domain.replica.ReplicaService;
import dev.replicasmcp.domain.repository.RepositoryService;

/** The domain services both front doors call, and the caller a local (stdio) session acts as. */
public record Services(
        RepositoryService repositories,
        EnvironmentService environments,
        ReplicaService replicas,
        ChatService chats,
        MessageService messages,
        HistoryService history,
        ReplicaEvents events,
        EnvironmentContents contents,
        AgentService agents,
        AuditLog audit,
        AutomationService automations,
        IntegrationService integrations,
        EventReceiver webhooks,
        Caller localCaller,
        AutomationRuns runs) {

    /** The services of what an environment holds. */
    public record EnvironmentContents(
            VariableService variables,
            FileService files,
            McpService mcps,
            SkillService skills,
            HookService hooks,
            WarmPoolService pool) {}
}
