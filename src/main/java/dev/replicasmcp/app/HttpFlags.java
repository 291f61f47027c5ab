package dev.replicasmcp.app;

import dev.replicasmcp.api.SiteUrls;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The command-line flags of HTTP mode (mixed into {@link Main}), checked and turned into {@link HttpApp.Options}. */
final class HttpFlags {

    @Option(
            names = "--host",
            paramLabel = "HOST",
            description = "HTTP mode: address to listen on. Default: ${DEFAULT-VALUE}.")
    String host = "127.0.0.1";

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "HTTP mode: port to listen on (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port = 8787;

    @Option(
            names = "--allowed-host",
            paramLabel = "NAME",
            description = "HTTP mode: a Host name to answer besides localhost, 127.0.0.1 and [::1] (repeatable).")
    List<String> allowedHosts = new ArrayList<>();

    @Option(
            names = "--allowed-origin",
            paramLabel = "ORIGIN",
            description = "HTTP mode: a browser Origin to accept besides loopback ones, e.g. https://app.example "
                    + "(repeatable).")
    List<String> allowedOrigins = new ArrayList<>();

    @Option(
            names = "--public-url",
            paramLabel = "URL",
            description = "HTTP mode: the https address clients reach this server at through a tunnel or proxy, "
                    + "e.g. https://replicas.example.com. OAuth metadata names it, its host is allowed, and the "
                    + "start-up line gives URL/mcp to clients.")
    String publicUrl;

    @Option(
            names = "--session-idle-minutes",
            paramLabel = "M",
            description = "HTTP mode: end an MCP session after this many minutes without requests (1-10080). "
                    + "Default: ${DEFAULT-VALUE}.")
    long sessionIdleMinutes = 30;

    @Option(
            names = "--max-sessions-per-key",
            paramLabel = "N",
            description = "HTTP mode: how many MCP sessions one API key may hold open at once (1-100000); the next "
                    + "initialize is refused. Default: ${DEFAULT-VALUE}.")
    int maxSessionsPerKey = 100;

    @Option(
            names = "--max-streams-per-key",
            paramLabel = "N",
            description = "HTTP mode: how many event streams (GET /v1/replica/{id}/events) one API key may hold "
                    + "open at once (1-100000); the next is answered 429. Default: ${DEFAULT-VALUE}.")
    int maxStreamsPerKey = 200;

    /** The options these flags describe; an IllegalArgumentException names the flag that is out of range. */
    HttpApp.Options options() {
        FlagRange.within("--port", port, 0, 65535);
        FlagRange.within("--max-sessions-per-key", maxSessionsPerKey, 1, 100_000);
        FlagRange.within("--max-streams-per-key", maxStreamsPerKey, 1, 100_000);
        HttpApp.Limits limits = new HttpApp.Limits(
                FlagRange.minutes("--session-idle-minutes", sessionIdleMinutes), maxSessionsPerKey, maxStreamsPerKey);
        return new HttpApp.Options(
                host, port, allowedHosts, allowedOrigins, HttpApp.SSE_HEARTBEAT, limits, SiteUrls.of(publicUrl));
    }
}
