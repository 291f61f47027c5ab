package dev.replicasmcp.domain.agent;

/**
 * A JSON-shaped value that knows, without being read, a length no text inside it exceeds: a payload read
 * back from storage, whose stored JSON is at least as long as any text in it. A long text is cut for a
 * model to read (the history's text budget); a value shorter than the budget needs no look inside.
 */
public interface BoundedText {

    /** No text inside is longer than this many characters. */
    int longestTextAtMost();
}
