package dev.stampede.model.pool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a data pool directory written by {@link DataPoolWriter} (format in the package documentation),
 * or a single pool file. Anything malformed is a {@link MalformedFileException} naming file, line and
 * field: a missing or wrong header, a row without exactly two fields, a weight that is not a whole number
 * of at least 0, a value or slot listed twice, a second tail row, an index naming a file that is missing
 * or outside the directory, an unknown identity kind.
 */
public final class DataPoolReader {

    private DataPoolReader() {}

    /** Reads {@code dir/index.csv} and every file it names. */
    public static DataPool read(Path dir) throws IOException {
        Path index = dir.resolve(DataPoolWriter.INDEX_FILE);
        if (!Files.isRegularFile(index)) {
            throw new MalformedFileException(index, 0, "no data pool index here");
        }
        List<PoolSlot> slots = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        try (CsvReader csv = CsvReader.open(index)) {
            header(csv, "slot", "file", "kind");
            for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                fieldCount(csv, row, 3);
                String slot = row.text(0);
                Integer first = seen.putIfAbsent(slot, row.line());
                if (first != null) {
                    throw csv.error(row.line(), "slot '" + slot + "' is listed twice (first on line " + first + ")");
                }
                IdentityKind kind = kind(csv, row);
                String file = row.text(1);
                slots.add(file.isEmpty() ? new PoolSlot(slot, null, kind, List.of(), 0) : slot(csv, row, dir, kind));
            }
        }
        return new DataPool(slots);
    }

    /** Reads one pool file as slot {@code slot} of kind {@code kind}. */
    public static PoolSlot readFile(Path file, String slot, IdentityKind kind) throws IOException {
        List<PoolRow> rows = new ArrayList<>();
        long tail = 0;
        int tailLine = 0;
        Map<String, Integer> seen = new HashMap<>();
        try (CsvReader csv = CsvReader.open(file)) {
            header(csv, "value", "weight");
            for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                fieldCount(csv, row, 2);
                long weight = weight(csv, row);
                CsvReader.Field value = row.fields().get(0);
                if (!value.quoted() && value.text().equals(DataPoolWriter.TAIL_MARKER)) {
                    if (tailLine > 0) {
                        throw csv.error(row.line(), "a second tail row (the first is on line " + tailLine + ")");
                    }
                    tailLine = row.line();
                    tail = weight;
                    continue;
                }
                Integer first = seen.putIfAbsent(value.text(), row.line());
                if (first != null) {
                    throw csv.error(row.line(), "field 'value' repeats the value on line " + first);
                }
                rows.add(new PoolRow(value.text(), weight));
            }
        }
        return new PoolSlot(slot, file.getFileName().toString(), kind, rows, tail);
    }

    private static PoolSlot slot(CsvReader csv, CsvReader.Row row, Path dir, IdentityKind kind) throws IOException {
        String file = row.text(1);
        Path base = dir.toAbsolutePath().normalize();
        Path path = base.resolve(file).normalize();
        if (!base.equals(path.getParent()) || file.contains("/") || file.contains("\\")) {
            throw csv.error(row.line(), "field 'file' must name a file in the pool directory, was '" + file + "'");
        }
        if (!Files.isRegularFile(path)) {
            throw csv.error(row.line(), "field 'file': " + file + " does not exist");
        }
        return readFile(path, row.text(0), kind);
    }

    private static IdentityKind kind(CsvReader csv, CsvReader.Row row) throws MalformedFileException {
        try {
            return IdentityKind.ofLabel(row.text(2));
        } catch (IllegalArgumentException e) {
            throw csv.error(row.line(), "field 'kind': " + e.getMessage());
        }
    }

    private static void header(CsvReader csv, String... names) throws IOException {
        CsvReader.Row header = csv.next();
        String expected = String.join(",", names);
        if (header == null) {
            throw csv.error(0, "empty file; expected the header " + expected);
        }
        List<String> found = new ArrayList<>();
        header.fields().forEach(field -> found.add(field.text()));
        if (!found.equals(List.of(names))) {
            throw csv.error(header.line(), "the header must be " + expected + ", was " + String.join(",", found));
        }
    }

    private static void fieldCount(CsvReader csv, CsvReader.Row row, int count) throws MalformedFileException {
        if (row.fields().size() != count) {
            throw csv.error(row.line(), row.fields().size() + " fields, expected " + count);
        }
    }

    private static long weight(CsvReader csv, CsvReader.Row row) throws MalformedFileException {
        String text = row.text(1);
        boolean digits = !text.isEmpty() && text.length() <= 18 && text.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits) {
            throw csv.error(row.line(), "field 'weight' must be a whole number of at least 0, was '" + text + "'");
        }
        return Long.parseLong(text);
    }
}
