package dev.replicasmcp.rest.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replicasmcp.api.SiteUrls;
import dev.replicasmcp.app.HttpApp;
import dev.replicasmcp.support.HttpFixture;
import dev.replicasmcp.support.MutableClock;
import dev.replicasmcp.support.OAuthDance;
import dev.replicasmcp.support.OAuthDance.Reply;
import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OAuth 2.1 sign-in of remote MCP clients against the real server on a real port: the whole flow, then
 * every way a request must be refused, with the standard OAuth error bodies. The core runs on a clock the
 * test moves, for expiry.
 */
class OAuthFlowTest {

    static final String REDIRECT = "http://127.0.0.1:43210/callback";

    @TempDir
    static Path dir;

    static MutableClock clock = MutableClock.startingNow();
    static HttpFixture http;
    static OAuthDance oauth;

    @BeforeAll
    static void start() {
        http = HttpFixture.start(dir, clock, HttpApp.Limits.DEFAULT, SiteUrls.of("https://replicas.example.com"));
        oauth = new OAuthDance(http.app.port());
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    /** A client signed in with the tests' API key: {client_id, access_token, refresh_token}. */
    static Map<String, String> signIn() {
        String client = oauth.register(REDIRECT);
        String verifier = OAuthDance.verifier();
        String code = oauth.code(client, REDIRECT, verifier, http.key);
        JsonNode tokens = oauth.exchange(client, code, REDIRECT, verifier).json();
        return Map.of(
                "client_id", client,
                "access_token", tokens.path("access_token").asText(),
                "refresh_token", tokens.path("refresh_token").asText());
    }

    static int mcpStatus(String token) {
        return oauth.send(
                        "POST",
                        "/mcp",
                        Map.of(
                                "Authorization", "Bearer " + token,
                                "Content-Type", "application/json",
                                "Accept", "application/json, text/event-stream"),
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")
                .status();
    }

    @Test
    void every401FromMcpNamesTheProtectedResourceMetadata() {
        Reply none = oauth.send("POST", "/mcp", Map.of("Content-Type", "application/json"), "{}");
        assertThat(none.status()).isEqualTo(401);
        String metadata = "http://127.0.0.1:" + http.app.port() + "/.well-known/oauth-protected-resource/mcp";
        assertThat(none.header("WWW-Authenticate"))
                .startsWith("Bearer ")
                .contains("resource_metadata=\"" + metadata + "\"")
                .doesNotContain("invalid_token");
        Reply wrong = oauth.send(
                "POST",
                "/mcp",
                Map.of("Content-Type", "application/json", "Authorization", "Bearer rmcp_at_nope"),
                "{}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).contains("resource_metadata=", "error=\"invalid_token\"");

        JsonNode resource =
                oauth.get("/.well-known/oauth-protected-resource/mcp", Map.of()).json();
        assertThat(resource.path("resource").asText()).isEqualTo("http://127.0.0.1:" + http.app.port() + "/mcp");
        String issuer = resource.path("authorization_servers").get(0).asText();
        JsonNode server =
                oauth.get("/.well-known/oauth-authorization-server", Map.of()).json();
        assertThat(server.path("issuer").asText()).isEqualTo(issuer);
        assertThat(server.path("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        assertThat(server.path("registration_endpoint").asText()).isEqualTo(issuer + "/register");
    }

    @Test
    void aSignedInClientCallsToolsAndAnApiKeyStillWorksBesideIt() {
        Map<String, String> signedIn = signIn();
        try (McpSyncClient viaOAuth = http.mcpClient(signedIn.get("access_token"));
                McpSyncClient viaKey = http.mcpClient(http.key)) {
            viaOAuth.initialize();
            viaKey.initialize();
            assertThat(viaOAuth.listTools().tools()).isNotEmpty();
            assertThat(viaKey.listTools().tools())
                    .hasSameSizeAs(viaOAuth.listTools().tools());
        }
        assertThat(http.get("/v1/replica").status()).isEqualTo(200);
        // OAuth tokens are bound to the MCP endpoint (RFC 8707): the REST API does not take them.
        assertThat(http.send("GET", "/v1/replica", null, signedIn.get("access_token"))
                        .status())
                .isEqualTo(401);
        assertThat(http.core.core.oauth().list())
                .anySatisfy(listing -> assertThat(listing.grant().clientId()).isEqualTo(signedIn.get("client_id")));
    }

    @Test
    void theConsentPageNamesTheClientAndNothingIsGrantedWithoutAValidKey() {
        String client = oauth.register(REDIRECT);
        String verifier = OAuthDance.verifier();
        String query = OAuthDance.authorizeQuery(client, REDIRECT, verifier, null);
        Reply page = oauth.get("/authorize?" + query, Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Test client", "127.0.0.1");
        assertThat(page.header("Content-Security-Policy"))
                .contains("default-src 'none'", "form-action 'self' http://127.0.0.1:43210");

        Reply refused = oauth.decide(query, "sk_replicas_notakey", "approve");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Location")).isNull();

        Reply denied = oauth.decide(query, "", "deny");
        assertThat(denied.status()).isEqualTo(303);
        assertThat(denied.redirectParam("error")).isEqualTo("access_denied");
        assertThat(denied.redirectParam("state")).isEqualTo("state-123");

        // A native app's loopback redirect matches on any port (RFC 8252), with the same path.
        String otherPort = "http://127.0.0.1:5555/callback";
        Reply approved =
                oauth.decide(OAuthDance.authorizeQuery(client, otherPort, verifier, null), http.key, "approve");
        assertThat(approved.status()).isEqualTo(303);
        assertThat(approved.header("Location")).startsWith(otherPort + "?code=");
    }

    @Test
    void aForeignRedirectUriIsNeverRedirectedTo() {
        String client = oauth.register(REDIRECT);
        String verifier = OAuthDance.verifier();
        Reply page = oauth.get(
                "/authorize?" + OAuthDance.authorizeQuery(client, "https://evil.example/callback", verifier, null),
                Map.of());
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.header("Location")).isNull();
        assertThat(page.body()).contains("redirect_uri");
        Reply otherPath = oauth.get(
                "/authorize?" + OAuthDance.authorizeQuery(client, "http://127.0.0.1:43210/other", verifier, null),
                Map.of());
        assertThat(otherPath.status()).isEqualTo(400);

        Reply registration = oauth.send(
                "POST",
                "/register",
                Map.of("Content-Type", "application/json"),
                "{\"redirect_uris\":[\"http://evil.example/cb\"]}");
        assertThat(registration.status()).isEqualTo(400);
        assertThat(registration.json().path("error").asText()).isEqualTo("invalid_redirect_uri");

        // At the token endpoint, a redirect_uri other than the authorization request's is invalid_grant.
        String code = oauth.code(client, REDIRECT, verifier, http.key);
        Reply token = oauth.exchange(client, code, "http://127.0.0.1:43210/elsewhere", verifier);
        assertThat(token.status()).isEqualTo(400);
        assertThat(token.json().path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void aWrongPkceVerifierAndAnUnknownClientAreRefused() {
        String client = oauth.register(REDIRECT);
        String verifier = OAuthDance.verifier();
        String code = oauth.code(client, REDIRECT, verifier, http.key);
        Reply wrong = oauth.exchange(client, code, REDIRECT, OAuthDance.verifier());
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().path("error").asText()).isEqualTo("invalid_grant");
        assertThat(wrong.json().path("error_description").asText()).contains("code_verifier");

        Reply unknown = oauth.exchange("no-such-client", code, REDIRECT, verifier);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().path("error").asText()).isEqualTo("invalid_client");

        Reply missing = oauth.form("/token", Map.of("grant_type", "authorization_code", "client_id", client));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("error").asText()).isEqualTo("invalid_request");

        Reply plain = oauth.get(
                "/authorize?"
                        + OAuthDance.authorizeQuery(client, REDIRECT, verifier, null)
                                .replace("S256", "plain"),
                Map.of());
        assertThat(plain.status()).isEqualTo(303);
        assertThat(plain.redirectParam("error")).isEqualTo("invalid_request");
    }

    @Test
    void aReusedCodeIsRefusedAndEndsTheGrantItMade() {
        String client = oauth.register(REDIRECT);
        String verifier = OAuthDance.verifier();
        String code = oauth.code(client, REDIRECT, verifier, http.key);
        Reply first = oauth.exchange(client, code, REDIRECT, verifier);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Cache-Control")).contains("no-store");
        String access = first.json().path("access_token").asText();
        assertThat(mcpStatus(access)).isNotEqualTo(401);

        Reply again = oauth.exchange(client, code, REDIRECT, verifier);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().path("error").asText()).isEqualTo("invalid_grant");
        assertThat(mcpStatus(access)).isEqualTo(401);
    }

    @Test
    void anExpiredAccessTokenIsRefusedAndARefreshRotatesTheRefreshToken() {
        Map<String, String> signedIn = signIn();
        assertThat(mcpStatus(signedIn.get("access_token"))).isNotEqualTo(401);
        clock.advance(Duration.ofMinutes(61));
        assertThat(mcpStatus(signedIn.get("access_token"))).isEqualTo(401);

        Reply refreshed = oauth.refresh(signedIn.get("client_id"), signedIn.get("refresh_token"));
        assertThat(refreshed.status()).isEqualTo(200);
        String access = refreshed.json().path("access_token").asText();
        assertThat(refreshed.json().path("refresh_token").asText()).isNotEqualTo(signedIn.get("refresh_token"));
        assertThat(mcpStatus(access)).isNotEqualTo(401);

        // The old refresh token again: someone else has a copy, so the whole grant ends.
        Reply reused = oauth.refresh(signedIn.get("client_id"), signedIn.get("refresh_token"));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().path("error").asText()).isEqualTo("invalid_grant");
        assertThat(mcpStatus(access)).isEqualTo(401);
    }

    @Test
    void aRevokedGrantsTokensAreRefusedAtOnce() {
        Map<String, String> signedIn = signIn();
        assertThat(mcpStatus(signedIn.get("access_token"))).isNotEqualTo(401);
        http.core.core.oauth().revoke(signedIn.get("client_id"));
        assertThat(mcpStatus(signedIn.get("access_token"))).isEqualTo(401);
        Reply refresh = oauth.refresh(signedIn.get("client_id"), signedIn.get("refresh_token"));
        assertThat(refresh.json().path("error").asText()).isEqualTo("invalid_grant");

        // RFC 7009 revocation by the client itself.
        Map<String, String> other = signIn();
        Reply revoked =
                oauth.form("/revoke", Map.of("token", other.get("refresh_token"), "client_id", other.get("client_id")));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(mcpStatus(other.get("access_token"))).isEqualTo(401);
    }

    @Test
    void revokingAGrantEndsItsOpenMcpStream() throws Exception {
        Map<String, String> signedIn = signIn();
        Map<String, String> headers = Map.of(
                "Authorization", "Bearer " + signedIn.get("access_token"),
                "Content-Type", "application/json",
                "Accept", "application/json, text/event-stream");
        Reply init = oauth.send(
                "POST",
                "/mcp",
                headers,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        String session = init.header("Mcp-Session-Id");
        assertThat(session).as("session of %s", init).isNotNull();
        Map<String, String> inSession = new java.util.HashMap<>(headers);
        inSession.put("Mcp-Session-Id", session);
        oauth.send("POST", "/mcp", inSession, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", http.app.port())) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream()
                    .write(("GET /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + http.app.port() + "\r\nAuthorization: Bearer "
                                    + signedIn.get("access_token") + "\r\nAccept: text/event-stream\r\n"
                                    + "Mcp-Session-Id: " + session + "\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                assertThat(b).as("stream head so far: %s", head).isNotEqualTo(-1);
                head.append((char) b);
            }
            assertThat(head.toString()).startsWith("HTTP/1.1 200");
            http.core.core.oauth().revoke(signedIn.get("client_id"));
            // The server ends the stream (within its revocation check); a read timeout would fail the test.
            in.readAllBytes();
        }
    }

    @Test
    void forwardedHeadersFromALoopbackTunnelAndThePublicUrlNameTheAddressClientsSee() {
        JsonNode forwarded = oauth.get(
                        "/.well-known/oauth-protected-resource/mcp",
                        Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "tunnel.example.net"))
                .json();
        // A tunnel's request with --public-url set: the public URL, whatever the tunnel forwarded.
        assertThat(forwarded.path("resource").asText()).isEqualTo("https://replicas.example.com/mcp");

        OAuthDance viaPublicHost = new OAuthDance(http.app.port(), "replicas.example.com");
        JsonNode server = viaPublicHost
                .get("/.well-known/oauth-authorization-server", Map.of())
                .json();
        assertThat(server.path("issuer").asText()).isEqualTo("https://replicas.example.com");
        Reply unauthorized = viaPublicHost.send("POST", "/mcp", Map.of("Content-Type", "application/json"), "{}");
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.header("WWW-Authenticate"))
                .contains(
                        "resource_metadata=\"https://replicas.example.com/.well-known/oauth-protected-resource/mcp\"");
        assertThat(new OAuthDance(http.app.port(), "elsewhere.example.org")
                        .get("/.well-known/oauth-authorization-server", Map.of())
                        .status())
                .isEqualTo(403);

        // A token issued for the local URL is not one for the public URL (RFC 8707 audience).
        Map<String, String> local = signIn();
        assertThat(viaPublicHost
                        .send(
                                "POST",
                                "/mcp",
                                Map.of(
                                        "Authorization", "Bearer " + local.get("access_token"),
                                        "Content-Type", "application/json",
                                        "Accept", "application/json, text/event-stream"),
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")
                        .status())
                .isEqualTo(401);

        // The consent page reached through the public URL posts with that origin: accepted.
        String client = viaPublicHost.register(REDIRECT);
        String verifier = OAuthDance.verifier();
        Reply approved = viaPublicHost.send(
                "POST",
                "/authorize",
                Map.of(
                        "Content-Type", "application/x-www-form-urlencoded",
                        "Origin", "https://replicas.example.com"),
                "request="
                        + java.net.URLEncoder.encode(
                                OAuthDance.authorizeQuery(client, REDIRECT, verifier, null),
                                java.nio.charset.StandardCharsets.UTF_8)
                        + "&decision=approve&credential=" + http.key);
        assertThat(approved.status()).isEqualTo(303);
        JsonNode tokens = viaPublicHost
                .exchange(client, approved.redirectParam("code"), REDIRECT, verifier)
                .json();
        assertThat(viaPublicHost
                        .send(
                                "POST",
                                "/mcp",
                                Map.of(
                                        "Authorization",
                                                "Bearer "
                                                        + tokens.path("access_token")
                                                                .asText(),
                                        "Content-Type", "application/json",
                                        "Accept", "application/json, text/event-stream"),
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")
                        .status())
                .isNotEqualTo(401);
    }
}
