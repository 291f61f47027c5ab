package dev.replicasmcp.rest.oauth;

import com.nimbusds.oauth2.sdk.id.State;
import dev.replicasmcp.domain.oauth.OAuthClient;
import java.net.URI;

/** An authorization request that passed every check: what the consent page shows and the approval binds. */
record Consent(
        OAuthClient client,
        URI redirectUri,
        State state,
        String codeChallenge,
        String resource,
        String scope,
        String query) {}
