package dev.replicasmcp.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The steps of an OAuth client and of the person on the consent page, as plain HTTP against a server on
 * a real port: register, open /authorize, approve (form post), exchange the code, refresh. PKCE is
 * computed here independently of the server's library.
 */
public final class OAuthDance {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final String host;

    public OAuthDance(int port) {
        this(port, "127.0.0.1:" + port);
    }

    /** With another Host header (a --public-url name). */
    public OAuthDance(int port, String host) {
        this.port = port;
        this.host = host;
    }

    /** An answer: status, headers by lower-case name, body. */
    public record Reply(int status, Map<String, String> headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** A query parameter of the Location this answer redirects to. */
        public String redirectParam(String name) {
            String query = URI.create(header("Location")).getRawQuery();
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].equals(name)) {
                    return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
                }
            }
            return null;
        }
    }

    public Reply send(String method, String path, Map<String, String> headers, String body) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", host);
        all.putAll(headers);
        try {
            RawHttp.Answer answer = RawHttp.send(port, method, path, all, body);
            Map<String, String> parsed = new LinkedHashMap<>();
            String[] lines = answer.head().split("\r\n");
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                parsed.putIfAbsent(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            return new Reply(answer.status(), parsed, answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply get(String path, Map<String, String> headers) {
        return send("GET", path, headers, null);
    }

    public Reply form(String path, Map<String, String> fields) {
        return send("POST", path, Map.of("Content-Type", "application/x-www-form-urlencoded"), encode(fields));
    }

    /** Registers a client with one redirect URI; answers its client_id. */
    public String register(String redirectUri) {
        Reply reply = send(
                "POST",
                "/register",
                Map.of("Content-Type", "application/json"),
                "{\"client_name\":\"Test client\",\"redirect_uris\":[\"" + redirectUri + "\"]}");
        if (reply.status() != 201) {
            throw new AssertionError("registration failed: " + reply);
        }
        return reply.json().path("client_id").asText();
    }

    /** The query of an authorization request for this client, with PKCE S256. */
    public static String authorizeQuery(String clientId, String redirectUri, String verifier, String resource) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("state", "state-123");
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        if (resource != null) {
            query.put("resource", resource);
        }
        return encode(query);
    }

    /** The consent page's form post. */
    public Reply decide(String query, String credential, String decision) {
        return form("/authorize", Map.of("request", query, "credential", credential, "decision", decision));
    }

    /** Register, approve with this credential, and answer the code. */
    public String code(String clientId, String redirectUri, String verifier, String credential) {
        Reply approved = decide(authorizeQuery(clientId, redirectUri, verifier, null), credential, "approve");
        if (approved.status() != 303) {
            throw new AssertionError("approval failed: " + approved);
        }
        return approved.redirectParam("code");
    }

    public Reply exchange(String clientId, String code, String redirectUri, String verifier) {
        return form(
                "/token",
                Map.of(
                        "grant_type", "authorization_code",
                        "client_id", clientId,
                        "code", code,
                        "redirect_uri", redirectUri,
                        "code_verifier", verifier));
    }

    public Reply refresh(String clientId, String refreshToken) {
        return form(
                "/token", Map.of("grant_type", "refresh_token", "client_id", clientId, "refresh_token", refreshToken));
    }

    public static String verifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
