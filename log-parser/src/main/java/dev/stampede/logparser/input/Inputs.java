package dev.stampede.logparser.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns command-line arguments into inputs: a file; a directory (every regular file in it, recursively,
 * sorted by name); a glob such as {@code logs/access.log*} or {@code lb-*&#47;*.gz}; or {@code -} for
 * standard input. An argument that matches nothing is an error naming it.
 */
public final class Inputs {

    private Inputs() {}

    /** The inputs {@code arguments} name, in argument order. */
    public static List<Input> expand(List<String> arguments, InputStream stdin) {
        List<Input> inputs = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.equals("-")) {
                inputs.add(new Input("-", -1, () -> stdin));
                continue;
            }
            List<Path> paths = paths(argument);
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("no input matches '" + argument + "'");
            }
            for (Path path : paths) {
                inputs.add(file(path));
            }
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no inputs given");
        }
        return inputs;
    }

    /** A single file as an input. */
    public static Input file(Path path) {
        try {
            return new Input(path.toString(), Files.size(path), () -> Files.newInputStream(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static List<Path> paths(String argument) {
        Path path = Path.of(argument);
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (Files.isDirectory(path)) {
            return walk(path, p -> true);
        }
        if (argument.indexOf('*') >= 0 || argument.indexOf('?') >= 0 || argument.indexOf('[') >= 0) {
            Path base = globBase(argument);
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + argument);
            return walk(base, p -> matcher.matches(p) || matcher.matches(base.relativize(p)));
        }
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("input " + argument + " does not exist");
        }
        throw new IllegalArgumentException("input " + argument + " is neither a file nor a directory");
    }

    /** The directory a glob starts in: the longest leading part without glob characters. */
    private static Path globBase(String glob) {
        int firstSpecial = glob.length();
        for (char c : new char[] {'*', '?', '[', '{'}) {
            int at = glob.indexOf(c);
            if (at >= 0) {
                firstSpecial = Math.min(firstSpecial, at);
            }
        }
        int slash = glob.lastIndexOf('/', firstSpecial);
        return slash < 0 ? Path.of(".") : Path.of(glob.substring(0, Math.max(slash, 1)));
    }

    private static List<Path> walk(Path root, java.util.function.Predicate<Path> keep) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(keep).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
