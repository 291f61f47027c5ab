package dev.replicasmcp.domain.workspace;

import dev.replicasmcp.domain.replica.GitDiff;
import java.nio.file.Path;

/** Git working copies inside workspaces; the runtime layer implements it with the git CLI. */
public interface Checkouts {

    /**
     * Clones url (a git URL, or a local repository as a file: URL) into folder and checks out defaultBranch.
     * Files already in folder (environment files written under it) are kept, over the clone's own. Throws
     * {@link CheckoutException} carrying git's own message.
     */
    void cloneInto(String url, String defaultBranch, Path folder);

    /** True when folder holds a working copy (a .git folder). */
    boolean isClone(Path folder);

    /** Creates (or resets) branch at the current commit, checks it out and remembers that commit as the diff base. */
    void startBranch(Path folder, String branch);

    /** The branch checked out in folder, or null when HEAD is detached or unreadable. */
    String currentBranch(Path folder);

    /**
     * Lines added and removed in the working tree against the diff base, staged, unstaged and untracked files
     * included. fullDiff is the unified diff (capped, with a note when cut) when full is true, else "".
     */
    GitDiff diff(Path folder, boolean full);
}
