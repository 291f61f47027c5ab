package dev.replicasmcp.runtime.agent;

import dev.replicasmcp.domain.agent.TurnRequest;
import dev.replicasmcp.domain.chat.Image;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a CLI turn starts from: the request, the workspace home, the folder the agent works in (the
 * repository when the workspace holds exactly one under ~/workspaces, else the home), the prompt with a
 * note of attached images (written under ~/.replicas/attachments), and whether the prompt goes on stdin.
 */
record TurnInput(TurnRequest request, Path home, Path cwd, String prompt, List<Path> imageFiles) {

    /** Arguments are capped at 128 KiB each on Linux; longer prompts (and ones that look like flags) go on stdin. */
    static final int MAX_ARGUMENT_BYTES = 100_000;

    static TurnInput prepare(TurnRequest request, Path home) throws IOException {
        List<Path> files = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < request.images().size(); i++) {
            Image image = request.images().get(i);
            if (image.url() != null) {
                urls.add(image.url());
            } else {
                Path dir = Files.createDirectories(home.resolve(".replicas").resolve("attachments"));
                Path file = dir.resolve(request.messageId() + "-" + (i + 1) + "." + extension(image.mediaType()));
                files.add(Files.write(file, Base64.getMimeDecoder().decode(image.data())));
            }
        }
        String prompt = request.text();
        if (!files.isEmpty() || !urls.isEmpty()) {
            List<String> all =
                    new ArrayList<>(files.stream().map(Path::toString).toList());
            all.addAll(urls);
            prompt += "\n\nAttached images: " + String.join(", ", all);
        }
        return new TurnInput(request, home, workingDirectory(home), prompt, List.copyOf(files));
    }

    /**
     * The agent session to resume, if any. A thread the scripted agent made (the chat ran before a CLI was
     * installed) means nothing to a CLI, so the conversation starts afresh.
     */
    String resumeId() {
        String thread = request.threadId();
        return thread == null || thread.startsWith(ScriptedAgentRunner.THREAD_PREFIX) ? null : thread;
    }

    /** On a thread's first turn, the context's system prompt goes ahead of the message. */
    TurnInput withInstructionsOnNewThread() {
        String instructions = request.context().systemPrompt();
        if (instructions == null || resumeId() != null) {
            return this;
        }
        return new TurnInput(
                request,
                home,
                cwd,
                "Instructions for this workspace:\n" + instructions + "\n\n---\n\n" + prompt,
                imageFiles);
    }

    boolean viaStdin() {
        return prompt.startsWith("-") || prompt.getBytes(StandardCharsets.UTF_8).length > MAX_ARGUMENT_BYTES;
    }

    static Path workingDirectory(Path home) throws IOException {
        Path repositories = home.resolve("workspaces");
        if (!Files.isDirectory(repositories)) {
            return home;
        }
        try (Stream<Path> entries = Files.list(repositories)) {
            List<Path> folders = entries.filter(Files::isDirectory).limit(2).toList();
            return folders.size() == 1 ? folders.get(0) : home;
        }
    }

    private static String extension(String mediaType) {
        return mediaType == null ? "png" : mediaType.substring(mediaType.indexOf('/') + 1);
    }
}
