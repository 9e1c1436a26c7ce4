package dev.stampede.model.pool;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a data pool directory from per-slot sketches: one {@code <slot>.csv} per slot and an
 * {@code index.csv} (format in the package documentation). Every value passes through the {@link Masker}
 * first; there is no way to hand this writer a value that skips it. Slots are written in name order and
 * each slot's values by descending weight, so the same sketches and key give the same bytes.
 *
 * <p>Files of the same names are overwritten; other files in the directory are left alone, so write into
 * a fresh directory. Immutable; {@link #write} is not thread-safe only because the masker is not.
 */
public final class DataPoolWriter {

    /** The index of a pool directory. */
    public static final String INDEX_FILE = "index.csv";

    /** The value field of the tail row, written unquoted; a real value equal to it is always quoted. */
    public static final String TAIL_MARKER = "<tail>";

    private final Masker masker;
    private final TestAccounts accounts;
    private final int maxRows;

    /** A writer that writes every kept value with a weight and identities as tokens. */
    public DataPoolWriter(Masker masker) {
        this(masker, null, Integer.MAX_VALUE);
    }

    private DataPoolWriter(Masker masker, TestAccounts accounts, int maxRows) {
        this.masker = masker;
        this.accounts = accounts;
        this.maxRows = maxRows;
    }

    /**
     * A writer that writes test accounts' values instead of tokens where they can stand in: the account
     * for account slots, the user name for user slots, and the {@code phone}, {@code email} or
     * {@code idcard} column, when the file has one, for values of those kinds. See
     * {@link TestAccountAssigner} for which account each identity gets.
     */
    public DataPoolWriter withTestAccounts(TestAccounts testAccounts) {
        return new DataPoolWriter(masker, testAccounts, maxRows);
    }

    /** A writer that writes at most {@code rows} values per slot, the heaviest; the rest go to the tail. */
    public DataPoolWriter withMaxRows(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be at least 1, was " + rows);
        }
        return new DataPoolWriter(masker, accounts, rows);
    }

    /** Writes the pool for {@code sketches} (slot name to sketch) into {@code dir}, creating it. */
    public DataPool write(Path dir, Map<String, ValueSketch> sketches) throws IOException {
        Files.createDirectories(dir);
        PoolMasking masking = new PoolMasking(masker, accounts);
        FileNames names = new FileNames(INDEX_FILE);
        List<PoolSlot> written = new ArrayList<>();
        for (Map.Entry<String, ValueSketch> entry : new TreeMap<>(sketches).entrySet()) {
            String shownName = masker.scrub(entry.getKey());
            PoolSlot slot = masking.slot(entry.getKey(), shownName, entry.getValue(), maxRows);
            if (slot.kind() != IdentityKind.SECRET) {
                slot = new PoolSlot(slot.slot(), names.next(shownName), slot.kind(), slot.rows(), slot.tailWeight());
                writeSlot(dir.resolve(slot.file()), slot);
            }
            written.add(slot);
        }
        writeIndex(dir.resolve(INDEX_FILE), written);
        return new DataPool(written);
    }

    private static void writeSlot(Path file, PoolSlot slot) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvWriter csv = new CsvWriter(out);
            csv.record("value", "weight");
            for (PoolRow row : slot.rows()) {
                if (row.value().equals(TAIL_MARKER)) {
                    csv.recordQuotingFirst(row.value(), Long.toString(row.weight()));
                } else {
                    csv.record(row.value(), Long.toString(row.weight()));
                }
            }
            csv.record(TAIL_MARKER, Long.toString(slot.tailWeight()));
        }
    }

    private static void writeIndex(Path file, List<PoolSlot> slots) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvWriter csv = new CsvWriter(out);
            csv.record("slot", "file", "kind");
            for (PoolSlot slot : slots) {
                csv.record(
                        slot.slot(),
                        slot.file() == null ? "" : slot.file(),
                        slot.kind().label());
            }
        }
    }
}
