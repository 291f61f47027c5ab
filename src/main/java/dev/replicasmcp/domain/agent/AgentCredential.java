package dev.replicasmcp.domain.agent;

/**
 * An organization's credential for a coding agent, without its secret: the value is stored encrypted
 * and only ever handed to the agent process. hint is a masked form that is safe to show.
 */
public record AgentCredential(
        String id, String organizationId, CredentialKind kind, String hint, String createdAt, String updatedAt) {}
