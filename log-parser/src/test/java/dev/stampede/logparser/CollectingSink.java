package dev.stampede.logparser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a {@link DocumentFormat} told its sink, in order, for assertions. */
public final class CollectingSink implements DocumentFormat.EntrySink {

    /** A rejected entry as told. */
    public record Rejected(long line, String text, Rejection why) {}

    /** Records and rejections in the order told: each element is a {@link RequestRecord} or a {@link Rejected}. */
    public final List<Object> events = new ArrayList<>();

    public final List<RequestRecord> records = new ArrayList<>();
    public final List<Rejected> rejections = new ArrayList<>();

    @Override
    public void parsed(RequestRecord record) {
        records.add(record);
        events.add(record);
    }

    @Override
    public void rejected(long line, String text, Rejection why) {
        Rejected rejected = new Rejected(line, text, why);
        rejections.add(rejected);
        events.add(rejected);
    }

    /** The line of each event, in order (a record's source line, a rejection's line). */
    public List<Long> lines() {
        List<Long> lines = new ArrayList<>();
        for (Object event : events) {
            lines.add(event instanceof RequestRecord record ? record.sourceLine() : ((Rejected) event).line());
        }
        return lines;
    }

    /** Reads {@code bytes} with {@code format}. */
    public static CollectingSink read(DocumentFormat format, byte[] bytes) {
        CollectingSink sink = new CollectingSink();
        try {
            format.read(new ByteArrayInputStream(bytes), "test", sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink;
    }

    /** Reads a file with {@code format}, named as the file's name. */
    public static CollectingSink read(DocumentFormat format, Path file) {
        CollectingSink sink = new CollectingSink();
        try (InputStream in = Files.newInputStream(file)) {
            format.read(in, file.getFileName().toString(), sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink;
    }
}
