package dev.stampede.model.pool;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data pool or test-account file that cannot be read as one. The message starts with
 * {@code file:line:} (line 0 when the whole file is at fault) and names the field at fault.
 */
public final class MalformedFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;

    MalformedFileException(Path file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** The 1-based line the problem is on; 0 when it is the whole file's. */
    public int line() {
        return line;
    }
}
