package dev.replicasmcp.rest.oauth;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.client.ClientInformationResponse;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.client.RegistrationError;
import com.nimbusds.oauth2.sdk.id.ClientID;
import dev.replicasmcp.api.OAuthPaths;
import dev.replicasmcp.domain.Timestamps;
import dev.replicasmcp.domain.oauth.OAuthClient;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Dynamic Client Registration (RFC 7591): anyone may register a public client (no secret: it proves
 * itself with PKCE), with redirect URIs that are https, loopback http, or an app's own scheme. Whatever
 * authentication method a client asks for, it is registered with none, and the answer says so.
 * Registering grants nothing: the owner approves each sign-in on the consent page.
 */
final class Registration {

    private static final int MAX_REDIRECTS = 10;

    private final OAuthSetup setup;

    Registration(OAuthSetup setup) {
        this.setup = setup;
    }

    void register(RoutesConfig routes) {
        routes.post(OAuthPaths.REGISTER, this::registerClient);
    }

    private void registerClient(Context ctx) {
        ClientRegistrationRequest request;
        try {
            request = ClientRegistrationRequest.parse(NimbusHttp.request(ctx));
        } catch (ParseException e) {
            NimbusHttp.parseError(ctx, e);
            return;
        }
        ClientMetadata metadata = request.getClientMetadata();
        Set<URI> redirects = metadata.getRedirectionURIs();
        if (redirects == null || redirects.isEmpty()) {
            NimbusHttp.error(
                    ctx,
                    400,
                    RegistrationError.INVALID_REDIRECT_URI.setDescription(
                            "redirect_uris: give at least one redirect URI."));
            return;
        }
        if (redirects.size() > MAX_REDIRECTS) {
            NimbusHttp.error(
                    ctx,
                    400,
                    RegistrationError.INVALID_REDIRECT_URI.setDescription(
                            "redirect_uris: at most " + MAX_REDIRECTS + " are accepted."));
            return;
        }
        List<String> uris = new ArrayList<>();
        for (URI uri : redirects) {
            String problem = RedirectUris.problem(uri);
            if (problem != null) {
                NimbusHttp.error(ctx, 400, RegistrationError.INVALID_REDIRECT_URI.setDescription(problem));
                return;
            }
            uris.add(uri.toString());
        }
        if (metadata.getGrantTypes() != null
                && !Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN)
                        .containsAll(metadata.getGrantTypes())) {
            NimbusHttp.error(
                    ctx,
                    400,
                    RegistrationError.INVALID_CLIENT_METADATA.setDescription(
                            "grant_types: only authorization_code and refresh_token are supported."));
            return;
        }
        OAuthClient client = setup.oauth().register(metadata.getName(), uris);
        metadata.setTokenEndpointAuthMethod(ClientAuthenticationMethod.NONE);
        metadata.setGrantTypes(Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
        metadata.setResponseTypes(Set.of(ResponseType.CODE));
        ClientInformation information = new ClientInformation(
                new ClientID(client.id()), Date.from(Timestamps.parse(client.createdAt())), metadata, null);
        NimbusHttp.respond(ctx, new ClientInformationResponse(information, true).toHTTPResponse());
    }
}
