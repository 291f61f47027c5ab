package dev.replicasmcp.domain.agent;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Persistence of agent credentials, one per organization and kind; secrets are encrypted at rest. */
public interface AgentCredentialStore {

    List<AgentCredential> list(String organizationId);

    Optional<AgentCredential> find(String organizationId, CredentialKind kind);

    /** Inserts the credential, or replaces the secret and hint of the organization's one of that kind. */
    void save(AgentCredential credential, String secret);

    boolean delete(String organizationId, CredentialKind kind);

    /** The decrypted secrets of the organization, by kind. */
    Map<CredentialKind, String> secrets(String organizationId);
}
