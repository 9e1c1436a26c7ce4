package dev.stampede.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/** The sample logs packaged on the classpath under {@code samples/}, as listed in their index. */
public final class Samples {

    /** Classpath folder of the samples. */
    public static final String FOLDER = "samples/";

    private static final String INDEX = FOLDER + "samples.properties";

    /** One sample log: its file name, format, line count and source. */
    public record Sample(String fileName, String format, int lines, String source) {

        /** Opens the sample from the classpath; the caller closes it. */
        public InputStream open() {
            InputStream in = Samples.class.getClassLoader().getResourceAsStream(FOLDER + fileName);
            if (in == null) {
                throw new IllegalStateException("sample " + fileName + " is indexed but missing from the classpath");
            }
            return in;
        }
    }

    private Samples() {}

    /** Every indexed sample, sorted by file name. */
    public static List<Sample> all() {
        Properties index = loadIndex();
        List<Sample> samples = new ArrayList<>();
        for (String key : index.stringPropertyNames()) {
            if (key.endsWith(".format")) {
                String file = key.substring(0, key.length() - ".format".length());
                samples.add(new Sample(
                        file,
                        index.getProperty(key),
                        Integer.parseInt(required(index, file + ".lines")),
                        required(index, file + ".source")));
            }
        }
        samples.sort((a, b) -> a.fileName().compareTo(b.fileName()));
        return Collections.unmodifiableList(samples);
    }

    private static String required(Properties index, String key) {
        String value = index.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(INDEX + " lacks " + key);
        }
        return value;
    }

    private static Properties loadIndex() {
        Properties index = new Properties();
        try (InputStream in = Samples.class.getClassLoader().getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException(INDEX + " is missing from the classpath");
            }
            index.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX, e);
        }
        return index;
    }
}
