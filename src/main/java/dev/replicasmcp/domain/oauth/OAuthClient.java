package dev.replicasmcp.domain.oauth;

import java.util.List;

/** A client that registered itself (RFC 7591): a public client, known by its id, name and redirect URIs. */
public record OAuthClient(String id, String name, List<String> redirectUris, String createdAt) {

    public OAuthClient {
        redirectUris = List.copyOf(redirectUris);
    }
}
