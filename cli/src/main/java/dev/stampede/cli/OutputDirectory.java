package dev.stampede.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The commands' one rule for where they write: a directory that does not exist yet or is empty, so no
 * file of an earlier run is ever mistaken for one of this run. (The record store applies the same rule
 * itself, in {@code RecordStoreWriter.create}.)
 */
final class OutputDirectory {

    private OutputDirectory() {}

    /**
     * Creates {@code dir} (and its parents) unless it exists empty.
     *
     * @param what what goes there, for the message, e.g. "the model"
     * @throws RunFailedException when it is a file or holds files already
     */
    static Path createEmpty(Path dir, String what) throws IOException {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new RunFailedException(dir + " exists and is not a directory");
            }
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new RunFailedException(dir + " is not empty; give a new directory for " + what);
                }
            }
        }
        return Files.createDirectories(dir);
    }
}
