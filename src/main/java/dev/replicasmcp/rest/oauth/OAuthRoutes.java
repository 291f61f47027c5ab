package dev.replicasmcp.rest.oauth;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.replicasmcp.api.BearerAuth;
import dev.replicasmcp.api.GrantAudit;
import dev.replicasmcp.api.OAuthPaths;
import dev.replicasmcp.domain.Actor;
import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.oauth.Grant;
import dev.replicasmcp.domain.oauth.OAuthClient;
import dev.replicasmcp.domain.oauth.OAuthRefusal;
import dev.replicasmcp.domain.oauth.OAuthService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.List;
import java.util.Map;
import net.minidev.json.JSONObject;

/**
 * The OAuth 2.1 authorization server of the MCP endpoint (MCP authorization spec): its metadata
 * (RFC 8414) and the protected resource's (RFC 9728), the token endpoint (authorization code with PKCE
 * S256, refresh with rotation) and revocation (RFC 7009). Registration is {@link Registration}, consent
 * {@link ConsentRoutes}. Requests are parsed and checked by the Nimbus SDK; errors are its standard bodies.
 */
public final class OAuthRoutes {

    private final OAuthSetup setup;

    private OAuthRoutes(OAuthSetup setup) {
        this.setup = setup;
    }

    public static void register(RoutesConfig routes, OAuthSetup setup) {
        OAuthRoutes oauth = new OAuthRoutes(setup);
        for (String path : List.of("", "/mcp", "/v1/mcp")) {
            routes.get(OAuthPaths.RESOURCE_METADATA + path, ctx -> oauth.resourceMetadata(ctx, path));
        }
        routes.get(OAuthPaths.SERVER_METADATA, oauth::serverMetadata);
        routes.post(OAuthPaths.TOKEN, oauth::token);
        routes.post(OAuthPaths.REVOKE, oauth::revoke);
        new Registration(setup).register(routes);
        new ConsentRoutes(setup).register(routes);
        // Browser-based clients (the MCP Inspector) read the metadata, register and fetch tokens cross-origin.
        for (String path : List.of(
                OAuthPaths.RESOURCE_METADATA,
                OAuthPaths.RESOURCE_METADATA + "/*",
                OAuthPaths.SERVER_METADATA,
                OAuthPaths.REGISTER,
                OAuthPaths.TOKEN,
                OAuthPaths.REVOKE)) {
            routes.before(path, OAuthRoutes::cors);
            routes.options(path, ctx -> ctx.status(204));
        }
    }

    private static void cors(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        ctx.header("Access-Control-Allow-Headers", "Content-Type, Authorization, MCP-Protocol-Version");
    }

    /** RFC 9728 for the endpoint at this path (/mcp when none is named). */
    private void resourceMetadata(Context ctx, String path) {
        String base = setup.urls().base(ctx.req());
        JSONObject body = new JSONObject();
        body.put("resource", base + (path.isEmpty() ? "/mcp" : path));
        body.put("authorization_servers", List.of(base));
        body.put("bearer_methods_supported", List.of("header"));
        body.put("resource_name", "replicas-mcp");
        json(ctx, body);
    }

    /** RFC 8414: what this authorization server supports, at the public URL the client used. */
    private void serverMetadata(Context ctx) {
        String base = setup.urls().base(ctx.req());
        AuthorizationServerMetadata metadata = new AuthorizationServerMetadata(new Issuer(base));
        metadata.setAuthorizationEndpointURI(URI.create(base + OAuthPaths.AUTHORIZE));
        metadata.setTokenEndpointURI(URI.create(base + OAuthPaths.TOKEN));
        metadata.setRegistrationEndpointURI(URI.create(base + OAuthPaths.REGISTER));
        metadata.setRevocationEndpointURI(URI.create(base + OAuthPaths.REVOKE));
        metadata.setResponseTypes(List.of(ResponseType.CODE));
        metadata.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
        metadata.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        metadata.setTokenEndpointAuthMethods(List.of(ClientAuthenticationMethod.NONE));
        metadata.setRevocationEndpointAuthMethods(List.of(ClientAuthenticationMethod.NONE));
        json(ctx, metadata.toJSONObject());
    }

    private void token(Context ctx) {
        TokenRequest request;
        try {
            request = TokenRequest.parse(NimbusHttp.request(ctx));
        } catch (ParseException e) {
            NimbusHttp.parseError(ctx, e);
            return;
        }
        String clientId = registered(request.getClientID(), request.getClientAuthentication());
        if (clientId == null) {
            NimbusHttp.error(
                    ctx,
                    401,
                    OAuth2Error.INVALID_CLIENT.setDescription(
                            "Unknown client_id: register with POST /register first."));
            return;
        }
        List<URI> resources = request.getResources();
        if (resources != null && resources.size() > 1) {
            NimbusHttp.error(
                    ctx, 400, OAuth2Error.INVALID_TARGET.setDescription("Name one resource: this server's /mcp URL."));
            return;
        }
        String resource = resources == null || resources.isEmpty()
                ? null
                : resources.get(0).toString();
        AuthorizationGrant grant = request.getAuthorizationGrant();
        try {
            OAuthService.Exchanged exchanged;
            if (grant instanceof AuthorizationCodeGrant code) {
                if (code.getCodeVerifier() == null) {
                    NimbusHttp.error(
                            ctx,
                            400,
                            OAuth2Error.INVALID_REQUEST.setDescription("code_verifier is required (PKCE S256)."));
                    return;
                }
                String challenge = CodeChallenge.compute(CodeChallengeMethod.S256, code.getCodeVerifier())
                        .getValue();
                exchanged = setup.oauth()
                        .exchange(
                                code.getAuthorizationCode().getValue(),
                                clientId,
                                code.getRedirectionURI() == null
                                        ? null
                                        : code.getRedirectionURI().toString(),
                                challenge,
                                resource);
            } else if (grant instanceof RefreshTokenGrant refresh) {
                exchanged = setup.oauth().refresh(refresh.getRefreshToken().getValue(), clientId, resource);
            } else {
                NimbusHttp.error(
                        ctx,
                        400,
                        OAuth2Error.UNSUPPORTED_GRANT_TYPE.setDescription(
                                "Supported grant types: authorization_code, refresh_token."));
                return;
            }
            var pair = exchanged.tokens();
            Scope scope = pair.scope() == null ? null : Scope.parse(pair.scope());
            AccessTokenResponse response = new AccessTokenResponse(new Tokens(
                    new BearerAccessToken(
                            pair.accessToken(), pair.accessLifetime().toSeconds(), scope),
                    new RefreshToken(pair.refreshToken())));
            NimbusHttp.respond(ctx, response.toHTTPResponse());
        } catch (OAuthRefusal refusal) {
            NimbusHttp.error(ctx, 400, new ErrorObject(refusal.error(), refusal.getMessage(), 400));
        }
    }

    /** RFC 7009: a token of the client ends its whole grant; an unknown token is answered 200 all the same. */
    private void revoke(Context ctx) {
        TokenRevocationRequest request;
        try {
            request = TokenRevocationRequest.parse(NimbusHttp.request(ctx));
        } catch (ParseException e) {
            NimbusHttp.parseError(ctx, e);
            return;
        }
        String clientId = registered(request.getClientID(), request.getClientAuthentication());
        if (clientId == null) {
            NimbusHttp.error(ctx, 401, OAuth2Error.INVALID_CLIENT.setDescription("Unknown client_id."));
            return;
        }
        setup.oauth().revokeToken(request.getToken().getValue(), clientId).ifPresent(grant -> {
            revoked(grant, new Caller(grant.organizationId(), null, Actor.oauthClient(grant.id(), clientName(grant))));
        });
        ctx.status(200);
        ctx.header("Cache-Control", "no-store");
        ctx.result("");
    }

    /**
     * The client a token or revocation request names (as client_id, or in its client authentication), when
     * it registered here; null otherwise.
     */
    private String registered(ClientID named, ClientAuthentication authentication) {
        ClientID id = named != null ? named : authentication != null ? authentication.getClientID() : null;
        return id == null || setup.oauth().client(id.getValue()).isEmpty() ? null : id.getValue();
    }

    private void revoked(Grant grant, Caller by) {
        GrantAudit.record(setup.audit(), by, "oauth_client.revoked", null, grant, clientName(grant));
        setup.grantRevoked().accept(BearerAuth.ownerOfGrant(grant.id()));
    }

    private String clientName(Grant grant) {
        return setup.oauth().client(grant.clientId()).map(OAuthClient::name).orElse("unknown client");
    }

    static void json(Context ctx, Map<String, Object> body) {
        ctx.status(200);
        ctx.contentType("application/json");
        ctx.result(new JSONObject(body).toJSONString());
    }
}
