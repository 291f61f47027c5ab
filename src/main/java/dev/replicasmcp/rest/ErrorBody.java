package dev.replicasmcp.rest;

import dev.replicasmcp.domain.Nullable;

/** The error envelope of every non-2xx answer (spec §1.3): a message and optional details. */
public record ErrorBody(String error, @Nullable String details) {}
