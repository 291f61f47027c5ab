package dev.replicasmcp.mcp;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Lets successful answers through untouched, but holds back every error the SDK servlet makes
 * (sendError, or a status of 400 and up with its own body, which can be a serialised Java
 * exception) so the guard can answer a JSON-RPC error object instead.
 */
final class CapturedErrorResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private int errorStatus;
    private String errorMessage;
    private PrintWriter writer;
    private ServletOutputStream stream;

    CapturedErrorResponse(HttpServletResponse response) {
        super(response);
    }

    boolean failed() {
        return errorStatus > 0;
    }

    int errorStatus() {
        return errorStatus;
    }

    /** The message given to sendError, if any. */
    String errorMessage() {
        return errorMessage;
    }

    /** What the servlet wrote as its error body. */
    String capturedBody() {
        if (writer != null) {
            writer.flush();
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void sendError(int sc) {
        errorStatus = sc;
    }

    @Override
    public void sendError(int sc, String msg) {
        errorStatus = sc;
        errorMessage = msg;
    }

    @Override
    public void setStatus(int sc) {
        if (sc >= 400) {
            errorStatus = sc;
        } else {
            super.setStatus(sc);
        }
    }

    @Override
    public PrintWriter getWriter() throws java.io.IOException {
        if (!failed()) {
            return super.getWriter();
        }
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(captured, StandardCharsets.UTF_8));
        }
        return writer;
    }

    @Override
    public ServletOutputStream getOutputStream() throws java.io.IOException {
        if (!failed()) {
            return super.getOutputStream();
        }
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    captured.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new IllegalStateException("error bodies are written synchronously");
                }
            };
        }
        return stream;
    }

    @Override
    public void flushBuffer() throws java.io.IOException {
        if (!failed()) {
            super.flushBuffer();
        }
    }
}
