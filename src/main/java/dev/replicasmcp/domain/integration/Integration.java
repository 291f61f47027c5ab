package dev.replicasmcp.domain.integration;

/**
 * An organization's connection to an event provider, without its signing secret: the secret is stored
 * encrypted and only read to check a delivery's signature. hint is a masked form that is safe to show.
 */
public record Integration(
        String id, String organizationId, Provider provider, String hint, String connectedAt, String updatedAt) {}
