package dev.replicasmcp.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP/1.1 exchange over a plain socket, for the headers java.net.http will not send (Host).
 * The answer must be fully delimited (Content-Length); the connection is closed after it.
 */
public final class RawHttp {

    /** Status line code and body of the answer. */
    public record Answer(int status, String head, String body) {}

    private RawHttp() {}

    public static Answer send(int port, String method, String path, Map<String, String> headers, String body)
            throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        headers.forEach(
                (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("Content-Length: ").append(bytes.length).append("\r\nConnection: close\r\n\r\n");
        return exchange(port, request.toString().getBytes(StandardCharsets.US_ASCII), bytes);
    }

    /** Sends the head (request line and headers, as given) and body as they are, and reads the answer. */
    public static Answer exchange(int port, byte[] head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head);
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // The server may answer (413, 431) and close before a large request is all sent; read its answer.
            }
            String raw = readAll(socket.getInputStream());
            int split = raw.indexOf("\r\n\r\n");
            String answerHead = raw.substring(0, split);
            return new Answer(Integer.parseInt(answerHead.split(" ")[1]), answerHead, raw.substring(split + 4));
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.UTF_8);
    }
}
