package dev.replicasmcp.conformance;

import dev.replicasmcp.app.Main;
import dev.replicasmcp.mcp.McpExtras;
import java.util.Arrays;
import org.slf4j.LoggerFactory;

/**
 * The server scripts/conformance runs the MCP conformance suite against: the product's own command line
 * ({@link Main#run}, so the same HTTP server, API keys, and Host and Origin checks), with the suite's
 * fixtures served next to the product's tools. It lives in the test sources so that the product jar
 * carries no fixture and no switch for them; the script starts it with the product jar and these classes
 * on the class path.
 */
public final class ConformanceServer {

    private ConformanceServer() {}

    public static void main(String[] args) {
        // The fixtures are served over HTTP only: the suite tests Streamable HTTP, and stdio takes no extras.
        if (!Arrays.asList(args).contains("--http")) {
            System.err.println("ConformanceServer serves HTTP only: pass --http (and --host, --port as usual).");
            System.exit(2);
        }
        McpExtras extras = ConformanceProfile.extras();
        LoggerFactory.getLogger(ConformanceServer.class)
                .warn(
                        "Serving {} conformance fixture tools, {} resources "
                                + "and {} prompts next to the product's tools. For the MCP conformance run only.",
                        extras.tools().size(),
                        extras.resources().size() + extras.resourceTemplates().size(),
                        extras.prompts().size());
        System.exit(Main.run(args, extras));
    }
}
