package io.microautograd.visualize;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Finds Graphviz's {@code dot} executable on a search path. */
final class SystemDot {

    private static final String[] NAMES = {"dot", "dot.exe"};

    private SystemDot() {
    }

    /** The {@code dot} on this process's PATH, if any. */
    static Optional<Path> onPath() {
        return find(System.getenv("PATH"));
    }

    /**
     * The first executable {@code dot} (or {@code dot.exe}) in the directories of {@code searchPath},
     * separated by {@link File#pathSeparator}; empty if there is none or the path is null.
     */
    static Optional<Path> find(String searchPath) {
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String directory : searchPath.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            for (String name : NAMES) {
                try {
                    Path candidate = Path.of(directory, name);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return Optional.of(candidate);
                    }
                } catch (InvalidPathException e) {
                    // A malformed PATH entry cannot hold dot; the next entry might.
                }
            }
        }
        return Optional.empty();
    }
}
