package dev.replicasmcp.rest.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.util.MultivaluedMapUtils;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import dev.replicasmcp.api.GrantAudit;
import dev.replicasmcp.api.OAuthPaths;
import dev.replicasmcp.api.SiteUrls;
import dev.replicasmcp.domain.Actor;
import dev.replicasmcp.domain.Caller;
import dev.replicasmcp.domain.account.ApiKeyService;
import dev.replicasmcp.domain.oauth.OAuthClient;
import dev.replicasmcp.domain.oauth.OAuthService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /authorize shows the consent page for a checked authorization request; POST /authorize (from that
 * page) approves it with an API key of the organization or the one-time setup code, and sends the person
 * back with code and state, or with access_denied. A request whose client or redirect URI is unknown is
 * refused on the page itself, never redirected (the redirect target is not trusted yet).
 */
final class ConsentRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentRoutes.class);
    static final Actor SETUP_CODE = new Actor(Actor.Kind.SYSTEM, null, "setup code");

    private final OAuthSetup setup;

    ConsentRoutes(OAuthSetup setup) {
        this.setup = setup;
    }

    void register(RoutesConfig routes) {
        routes.get(OAuthPaths.AUTHORIZE, ctx -> {
            Consent consent = check(ctx, ctx.queryString() == null ? "" : ctx.queryString());
            if (consent != null) {
                ConsentPage.show(ctx, 200, consent, null);
            }
        });
        routes.post(OAuthPaths.AUTHORIZE, this::decide);
    }

    private void decide(Context ctx) {
        Consent consent =
                check(ctx, Optional.ofNullable(ctx.formParam("request")).orElse(""));
        if (consent == null) {
            return;
        }
        if (!"approve".equals(ctx.formParam("decision"))) {
            redirect(
                    ctx,
                    new AuthorizationErrorResponse(
                                    consent.redirectUri(),
                                    OAuth2Error.ACCESS_DENIED.setDescription("The owner denied the sign-in."),
                                    consent.state(),
                                    ResponseMode.QUERY)
                            .toURI());
            return;
        }
        Optional<Caller> approver = approver(ctx.formParam("credential"));
        if (approver.isEmpty()) {
            ConsentPage.show(
                    ctx,
                    401,
                    consent,
                    "That is not an active API key of this server (nor its unused setup code). "
                            + "`keys list` shows the keys.");
            return;
        }
        OAuthService.Approved approved = setup.oauth()
                .approve(
                        approver.get(),
                        consent.client(),
                        consent.redirectUri().toString(),
                        consent.codeChallenge(),
                        consent.resource(),
                        consent.scope());
        GrantAudit.record(
                setup.audit(),
                approver.get(),
                "oauth_client.granted",
                null,
                approved.grant(),
                consent.client().name());
        LOG.info(
                "OAuth client '{}' ({}) was granted access to {} by {} from {}",
                consent.client().name(),
                consent.client().id(),
                consent.resource(),
                approver.get().actor().name(),
                SiteUrls.clientAddress(ctx.req()));
        redirect(
                ctx,
                new AuthorizationSuccessResponse(
                                consent.redirectUri(),
                                new AuthorizationCode(approved.code()),
                                null,
                                consent.state(),
                                ResponseMode.QUERY)
                        .toURI());
    }

    private Optional<Caller> approver(String credential) {
        if (credential == null || credential.isBlank()) {
            return Optional.empty();
        }
        String presented = credential.trim();
        if (presented.startsWith(ApiKeyService.PREFIX)) {
            return setup.keys().authenticate(presented);
        }
        return setup.setupCode().consume(presented)
                ? Optional.of(new Caller(setup.organizationId(), null, SETUP_CODE))
                : Optional.empty();
    }

    /**
     * The checked request, or null when it was answered here: on the page (unknown client or redirect
     * URI) or by a redirect with the OAuth error (anything else wrong).
     */
    private Consent check(Context ctx, String query) {
        Map<String, List<String>> params = URLUtils.parseParameters(query);
        String clientId = MultivaluedMapUtils.getFirstValue(params, "client_id");
        Optional<OAuthClient> client = setup.oauth().client(clientId);
        if (client.isEmpty()) {
            ConsentPage.refuse(ctx, 400, "Unknown client_id. The client must register (POST /register) first.");
            return null;
        }
        String redirect = MultivaluedMapUtils.getFirstValue(params, "redirect_uri");
        if (!RedirectUris.matches(client.get().redirectUris(), redirect)) {
            ConsentPage.refuse(ctx, 400, "redirect_uri is missing or is not one the client registered.");
            return null;
        }
        URI redirectUri = URI.create(redirect);
        String stateValue = MultivaluedMapUtils.getFirstValue(params, "state");
        State state = stateValue == null ? null : new State(stateValue);
        AuthorizationRequest request;
        try {
            request = AuthorizationRequest.parse(params);
        } catch (ParseException e) {
            ErrorObject error = e.getErrorObject() != null ? e.getErrorObject() : OAuth2Error.INVALID_REQUEST;
            return fail(ctx, redirectUri, state, error.setDescription(e.getMessage()));
        }
        if (!ResponseType.CODE.equals(request.getResponseType())) {
            return fail(
                    ctx,
                    redirectUri,
                    state,
                    OAuth2Error.UNSUPPORTED_RESPONSE_TYPE.setDescription("Use response_type=code."));
        }
        if (request.getCodeChallenge() == null || !CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())) {
            return fail(
                    ctx,
                    redirectUri,
                    state,
                    OAuth2Error.INVALID_REQUEST.setDescription(
                            "PKCE is required: send code_challenge with code_challenge_method=S256."));
        }
        String base = setup.urls().base(ctx.req());
        List<URI> resources = request.getResources();
        String resource = base + "/mcp";
        if (resources != null && !resources.isEmpty()) {
            resource = resources.get(0).toString();
            if (resources.size() > 1
                    || !List.of(base + "/mcp", base + "/v1/mcp").contains(resource)) {
                return fail(
                        ctx,
                        redirectUri,
                        state,
                        OAuth2Error.INVALID_TARGET.setDescription(
                                "resource must be this server's MCP URL, " + base + "/mcp."));
            }
        }
        return new Consent(
                client.get(),
                redirectUri,
                state,
                request.getCodeChallenge().getValue(),
                resource,
                request.getScope() == null ? null : request.getScope().toString(),
                query);
    }

    private static Consent fail(Context ctx, URI redirectUri, State state, ErrorObject error) {
        redirect(ctx, new AuthorizationErrorResponse(redirectUri, error, state, ResponseMode.QUERY).toURI());
        return null;
    }

    /** 303 after the form's POST (the browser follows with GET), and the same for GET. */
    private static void redirect(Context ctx, URI location) {
        ctx.status(303);
        ctx.header("Location", location.toString());
        ctx.header("Cache-Control", "no-store");
        ctx.result("");
    }
}
