package dev.replicasmcp.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.replicasmcp.domain.integration.Integration;
import dev.replicasmcp.domain.integration.Provider;

/** The wire shape of a connected provider: never its signing secret, at most a masked hint. */
public record IntegrationView(
        @AllowedValues(Provider.class) String provider,

        @JsonPropertyDescription("A masked form of the signing secret, e.g. '…Ab3d'; the secret is never returned")
        String hint,

        @JsonPropertyDescription("When it was first connected")
        String connectedAt,

        @JsonPropertyDescription("When its secret was last set")
        String updatedAt) {

    public static IntegrationView of(Integration i) {
        return new IntegrationView(i.provider().wire(), i.hint(), i.connectedAt(), i.updatedAt());
    }
}
