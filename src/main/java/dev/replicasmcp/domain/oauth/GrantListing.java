package dev.replicasmcp.domain.oauth;

/** A grant with the name of its client, for `clients list`. */
public record GrantListing(Grant grant, String clientName) {}
