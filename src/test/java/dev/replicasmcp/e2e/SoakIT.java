package dev.replicasmcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash soak: HTTP senders keep sending messages to three chats while the server is killed with SIGKILL
 * and started again, cycle after cycle. In the end every acknowledged message is in its chat's history,
 * no chat is left running, and no process of the server or of its agents is left. The suite runs
 * 3 short cycles; scripts/soak runs it for minutes (-Dsoak.seconds, -Dsoak.cycles).
 */
class SoakIT {

    private static final Pattern SERVING = Pattern.compile("serving HTTP on http://127\\.0\\.0\\.1:(\\d+)");
    private static final int SENDERS = 3;

    @RegisterExtension
    final ServerLogs logs = new ServerLogs();

    @TempDir
    Path tmp;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    @Test
    void acknowledgedMessagesSurviveRepeatedKills() throws Exception {
        int seconds = Integer.getInteger("soak.seconds", 12);
        int cycles = Integer.getInteger("soak.cycles", 3);
        Path data = tmp.resolve("data");
        String replicaId;
        List<String> chatIds = new ArrayList<>();
        try (ServerProcess setup = ServerProcess.start(data, 0, logs)) {
            String repository = setup.ok(
                            "add_repository",
                            Map.of(
                                    "location",
                                    ServerProcess.gitRepository(tmp.resolve("repo"))
                                            .toString()))
                    .path("repository")
                    .path("id")
                    .asText();
            String environment = setup.ok("create_environment", Map.of("name", "soak", "repository_id", repository))
                    .path("environment")
                    .path("id")
                    .asText();
            JsonNode replica = setup.ok(
                            "create_replica", Map.of("name", "soak", "message", "start", "environment_id", environment))
                    .path("replica");
            replicaId = replica.path("id").asText();
            for (int i = 0; i < SENDERS; i++) {
                chatIds.add(setup.ok("create_chat", Map.of("replica_id", replicaId, "provider", "scripted"))
                        .path("chat")
                        .path("id")
                        .asText());
            }
        }
        long perCycle = TimeUnit.SECONDS.toMillis(seconds) / cycles;
        for (int cycle = 0; cycle < cycles; cycle++) {
            Server server = Server.start(data, logs, "soak cycle " + cycle);
            String key = Files.readString(data.resolve("api-key")).trim();
            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            for (int s = 0; s < SENDERS; s++) {
                String chat = chatIds.get(s);
                String tag = "soak-c" + cycle + "-s" + s + "-";
                senders.execute(() -> send(server.base(), key, replicaId, chat, tag));
            }
            Thread.sleep(perCycle);
            server.process().destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            senders.shutdownNow();
            assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        Server last = Server.start(data, logs, "soak final");
        String key = Files.readString(data.resolve("api-key")).trim();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (running(last.base(), key, replicaId) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            int runningChats = running(last.base(), key, replicaId);
            String history = "";
            for (String chat : chatIds) {
                history += get(last.base(), key, "/v1/replica/" + replicaId + "/history?chat_id=" + chat)
                        .body();
            }
            String all = history;
            List<String> lost = acknowledged.stream()
                    .filter(text -> !all.contains("\"" + text + "\"")
                            && !all.contains(text + "\\n")
                            && !all.contains(text + "\""))
                    .sorted()
                    .toList();
            last.process().destroy();
            assertThat(last.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            List<ProcessHandle> left = leftOver(data);
            System.out.printf(
                    "soak: %d cycles, %d messages acknowledged, %d found in the history, %d lost; "
                            + "chats left running %d; processes left over %d%n",
                    cycles,
                    acknowledged.size(),
                    acknowledged.size() - lost.size(),
                    lost.size(),
                    runningChats,
                    left.size());
            assertThat(acknowledged).as("messages acknowledged").isNotEmpty();
            assertThat(lost)
                    .as("acknowledged messages missing from the history")
                    .isEmpty();
            assertThat(runningChats).as("chats left running").isZero();
            assertThat(left)
                    .as("processes of the server's data folder left over")
                    .isEmpty();
        } finally {
            last.process().destroyForcibly();
        }
    }

    /** Processes whose command line names the data folder, once the last server has had time to end them. */
    private static List<ProcessHandle> leftOver(Path data) throws InterruptedException {
        String folder = data.toString();
        List<ProcessHandle> left = List.of();
        for (int i = 0; i < 20; i++) {
            left = ProcessHandle.allProcesses()
                    .filter(ProcessHandle::isAlive)
                    .filter(p ->
                            p.info().commandLine().map(c -> c.contains(folder)).orElse(false))
                    .toList();
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(500);
        }
        return left;
    }

    /** Sends numbered messages until interrupted; a 200 with a message id counts as acknowledged. */
    private void send(String base, String key, String replicaId, String chat, String tag) {
        for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
            String text = tag + i;
            try {
                HttpResponse<String> answer = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/v1/replica/" + replicaId + "/messages"))
                                .timeout(Duration.ofSeconds(10))
                                .header("Authorization", "Bearer " + key)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"message\": \"" + text + "\", \"chat_id\": \"" + chat + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200
                        && ServerProcess.parse(answer.body()).hasNonNull("message_id")) {
                    acknowledged.add(text);
                }
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            } catch (java.io.IOException e) {
                return; // the server was killed: this sender's cycle is over
            }
        }
    }

    /** Chats still processing (a chat with messages queued is processing until its queue is empty). */
    private int running(String base, String key, String replicaId) throws Exception {
        HttpResponse<String> chats = get(base, key, "/v1/replica/" + replicaId + "/chats");
        if (chats.statusCode() != 200) {
            return Integer.MAX_VALUE;
        }
        int running = 0;
        for (JsonNode chat : ServerProcess.parse(chats.body()).path("chats")) {
            running += chat.path("processing").asBoolean() ? 1 : 0;
        }
        return running;
    }

    private HttpResponse<String> get(String base, String key, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + key)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The packaged jar in HTTP mode on a free port. */
    private record Server(Process process, String base) {

        static Server start(Path data, ServerLogs logs, String name) throws Exception {
            List<String> command = new ArrayList<>(ServerProcess.command(data, 0));
            command.addAll(List.of("--http", "--port", "0"));
            Process process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            StringBuffer stderr = new StringBuffer();
            logs.track(name, stderr::toString);
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
            Thread pump = new Thread(
                    () -> lines.lines().forEach(line -> stderr.append(line).append('\n')));
            pump.setDaemon(true);
            pump.start();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> SERVING.matcher(stderr).find() || !process.isAlive());
            Matcher matcher = SERVING.matcher(stderr);
            assertThat(matcher.find()).as("server started: %s", stderr).isTrue();
            return new Server(process, "http://127.0.0.1:" + matcher.group(1));
        }
    }
}
