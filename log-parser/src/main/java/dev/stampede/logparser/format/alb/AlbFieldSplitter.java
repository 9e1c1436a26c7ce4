package dev.stampede.logparser.format.alb;

/**
 * Splits an ALB line into its fields: separated by spaces, some in double quotes. ALB writes a {@code "}
 * inside a value as {@code \x22}, so a quoted field ends at the first quote followed by a space or the end
 * of the line; a stray raw quote inside (other writers of this shape) is kept as text. Reused line after
 * line by one parser; allocates nothing.
 */
final class AlbFieldSplitter {

    /** Fields past this many are not kept: AWS adds fields at the end, and none of those are read. */
    static final int MAX_FIELDS = 48;

    private final int[] starts = new int[MAX_FIELDS];
    private final int[] ends = new int[MAX_FIELDS];
    private final boolean[] quoted = new boolean[MAX_FIELDS];
    private int count;
    private int unterminatedColumn;

    /**
     * Splits {@code line}.
     *
     * @return the number of fields kept, or -1 when a quoted field has no closing quote (see {@link
     *     #unterminatedColumn()})
     */
    int split(String line) {
        count = 0;
        int i = 0;
        int length = line.length();
        while (count < MAX_FIELDS) {
            while (i < length && line.charAt(i) == ' ') {
                i++;
            }
            if (i == length) {
                break;
            }
            if (line.charAt(i) == '"') {
                int close = closingQuote(line, i + 1);
                if (close < 0) {
                    unterminatedColumn = i + 1;
                    return -1;
                }
                add(i + 1, close, true);
                i = close + 1;
            } else {
                int end = line.indexOf(' ', i);
                end = end < 0 ? length : end;
                add(i, end, false);
                i = end;
            }
        }
        return count;
    }

    private static int closingQuote(String line, int from) {
        for (int i = line.indexOf('"', from); i >= 0; i = line.indexOf('"', i + 1)) {
            if (i + 1 == line.length() || line.charAt(i + 1) == ' ') {
                return i;
            }
        }
        return -1;
    }

    private void add(int start, int end, boolean inQuotes) {
        starts[count] = start;
        ends[count] = end;
        quoted[count] = inQuotes;
        count++;
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }

    boolean quoted(int field) {
        return quoted[field];
    }

    /** The column (from 1) of the opening quote that {@link #split} found no end for. */
    int unterminatedColumn() {
        return unterminatedColumn;
    }
}
