package dev.stampede.logparser;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared real-log datasets ({@code ../shared/datasets} beside the repository; see its README). Tests
 * run with the module directory as working directory, so the datasets are two levels up from it.
 */
public final class Datasets {

    private static final Path ROOT =
            Path.of("..", "..", "shared", "datasets").toAbsolutePath().normalize();

    private Datasets() {}

    /** A file or folder of the datasets, e.g. {@code file("elastic-apache-combined/apache_logs")}. */
    public static Path file(String relative) {
        Path path = ROOT.resolve(relative);
        if (!Files.exists(path)) {
            throw new IllegalStateException("dataset " + path + " is missing: the tests need ../shared/datasets"
                    + " beside the repository (see the README)");
        }
        return path;
    }
}
