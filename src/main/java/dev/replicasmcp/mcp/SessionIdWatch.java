package dev.replicasmcp.mcp;

import io.modelcontextprotocol.spec.HttpHeaders;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.function.Consumer;

/**
 * Hears the session id the SDK gives an initialize answer the moment it sets the header, before a byte
 * of the answer goes out: a client may send its next request as soon as it reads the id, and that
 * request must find the session already known.
 */
final class SessionIdWatch extends HttpServletResponseWrapper {

    private final Consumer<String> opened;
    private boolean heard;

    SessionIdWatch(HttpServletResponse response, Consumer<String> opened) {
        super(response);
        this.opened = opened;
    }

    @Override
    public void setHeader(String name, String value) {
        hear(name, value);
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        hear(name, value);
        super.addHeader(name, value);
    }

    /** Whether a session id was heard (else the reserved slot is still to be given back). */
    boolean heard() {
        return heard;
    }

    private void hear(String name, String value) {
        if (!heard && HttpHeaders.MCP_SESSION_ID.equalsIgnoreCase(name) && value != null) {
            heard = true;
            opened.accept(value);
        }
    }
}
