package dev.replicasmcp.rest.routes;

import dev.replicasmcp.domain.DomainException;
import dev.replicasmcp.domain.Validation;

/**
 * The optional X-Replicas-Api-Version header (spec §1.1). Its one value, 2026-05-17, makes
 * POST /v1/replica answer at once with status preparing instead of waiting for the workspace.
 */
final class ApiVersion {

    static final String HEADER = "X-Replicas-Api-Version";
    static final String IMMEDIATE_CREATE = "2026-05-17";

    private ApiVersion() {}

    /** True for 2026-05-17, false without the header; any other value is refused, not ignored. */
    static boolean answersAtOnce(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        if (header.trim().equals(IMMEDIATE_CREATE)) {
            return true;
        }
        throw DomainException.invalid("Header '" + HEADER + "' must be '" + IMMEDIATE_CREATE + "' (the only "
                + "version this server knows) or absent; got '" + Validation.abbreviate(header.trim(), 40) + "'.");
    }
}
