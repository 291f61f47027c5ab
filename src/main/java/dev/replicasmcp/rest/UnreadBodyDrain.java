package dev.replicasmcp.rest;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads what is left of a request body once the answer is made. A request refused before its body was
 * read (an unknown path, a missing key) otherwise leaves the body unread: Jetty then closes the connection
 * while the client is still sending, the client's socket is reset, and the client never sees the 404 or
 * 401 that was already written. Bodies over the size limit are not read; that connection ends as before.
 */
final class UnreadBodyDrain implements Filter {

    private final long limit;

    UnreadBodyDrain(long limit) {
        this.limit = limit;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            drain((HttpServletRequest) request);
        }
    }

    private void drain(HttpServletRequest request) {
        if (request.isAsyncStarted() || request.getContentLengthLong() == 0 || request.getContentLengthLong() > limit) {
            return;
        }
        try {
            InputStream in = request.getInputStream();
            byte[] buffer = new byte[16 * 1024];
            long read = 0;
            for (int n; read <= limit && (n = in.read(buffer)) >= 0; ) {
                read += n;
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away, or the body was read as characters: nothing is left to keep the connection.
        }
    }
}
