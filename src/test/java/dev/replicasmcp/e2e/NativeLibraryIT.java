package dev.replicasmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's native library is copied out of the jar once, into the data folder, and loaded from there at
 * every later start: nothing goes to the temp folder, and the copy is not made again.
 */
class NativeLibraryIT {

    @TempDir
    Path tmp;

    @Test
    void theLibraryIsCopiedOnceIntoTheDataFolderAndNothingIntoTheTempFolder() throws Exception {
        Path data = tmp.resolve("data");
        Path temp = Files.createDirectories(tmp.resolve("temp"));

        assertThat(serveOneCall(data, temp)).as("first start").isTrue();
        Path library = onlyLibrary(data);
        FileTime copied = Files.getLastModifiedTime(library);
        Thread.sleep(20);
        assertThat(serveOneCall(data, temp)).as("second start").isTrue();

        assertThat(onlyLibrary(data)).isEqualTo(library);
        assertThat(Files.getLastModifiedTime(library)).as("not copied again").isEqualTo(copied);
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.contains("sqlite"));
        }
    }

    private static Path onlyLibrary(Path data) throws IOException {
        try (Stream<Path> files = Files.walk(data.resolve("lib"))) {
            List<Path> libraries = files.filter(Files::isRegularFile).toList();
            assertThat(libraries)
                    .singleElement()
                    .satisfies(path -> assertThat(path.getParent().getFileName().toString())
                            .startsWith("sqlite-jdbc-"));
            return libraries.get(0);
        }
    }

    /** Starts the jar with its own temp folder, lists replicas once, closes stdin: whether the call succeeded. */
    private static boolean serveOneCall(Path data, Path temp) throws Exception {
        List<String> command = new ArrayList<>(ServerProcess.command(data, 0));
        command.add(1, "-Djava.io.tmpdir=" + temp);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (OutputStream in = process.getOutputStream();
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            in.write(("""
                    {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
                    "capabilities":{},"clientInfo":{"name":"native-library","version":"1.0"}}}
                    {"jsonrpc":"2.0","method":"notifications/initialized"}
                    {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"list_replicas","arguments":{}}}
                    """).getBytes(StandardCharsets.UTF_8));
            in.flush();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                JsonNode message = ServerProcess.JSON.readTree(line);
                if (message.path("id").asInt() == 2) {
                    return message.path("result").has("structuredContent")
                            && !message.path("result").path("isError").asBoolean();
                }
            }
            return false;
        } finally {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
