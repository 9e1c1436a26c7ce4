package dev.stampede.cli;

import dev.stampede.logparser.input.Decompression;
import dev.stampede.logparser.input.Input;
import dev.stampede.logparser.input.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The first lines of an input (decompressed), for format detection. */
final class Sample {

    private Sample() {}

    static List<String> firstLines(Input input, int count) throws IOException {
        List<String> lines = new ArrayList<>(count);
        try (InputStream in = Decompression.wrap(input.opener().open())) {
            LineReader reader = new LineReader(in, 1 << 20);
            for (String line = reader.next(); line != null && lines.size() < count; line = reader.next()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
