package dev.stampede.logparser.format.w3c;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A {@code #Fields} directive compiled: which column holds which request field. Field names are compared
 * without case ({@code cs(User-Agent)}, {@code cs-uri-stem}); {@code cs(<header>)} columns become headers,
 * except Host (the host) and Cookie (the cookies). Columns of other fields ({@code s-ip}, {@code
 * sc-win32-status}, {@code sc(...)} response headers, {@code x-...}) are counted and not read.
 */
final class FieldLayout {

    /** The column of a field this layout lacks. */
    static final int ABSENT = -1;

    final long directiveLine;
    final String[] names;
    int date = ABSENT;
    int time = ABSENT;
    int method = ABSENT;
    int uriStem = ABSENT;
    int uriQuery = ABSENT;
    int uri = ABSENT;
    int version = ABSENT;
    int status = ABSENT;
    int bytesSent = ABSENT;
    int timeTaken = ABSENT;
    int clientIp = ABSENT;
    int host = ABSENT;
    int cookie = ABSENT;
    int forwardedFor = ABSENT;
    final int[] headerColumns;
    final String[] headerNames;

    private FieldLayout(long directiveLine, String[] names) {
        this.directiveLine = directiveLine;
        this.names = names;
        List<Integer> columns = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        for (int column = 0; column < names.length; column++) {
            String header = assign(names[column].toLowerCase(Locale.ROOT), column);
            if (header != null) {
                columns.add(column);
                headers.add(header);
            }
        }
        headerColumns = columns.stream().mapToInt(Integer::intValue).toArray();
        headerNames = headers.toArray(new String[0]);
    }

    /** The layout of {@code #Fields: <fields>}, given the text after the colon. */
    static FieldLayout parse(String fields, long directiveLine) {
        String trimmed = fields.strip();
        String[] names = trimmed.isEmpty() ? new String[0] : trimmed.split("[ \t]+");
        return new FieldLayout(directiveLine, names);
    }

    /** Records what {@code name} (lower case) is; returns the header name when it is a logged header. */
    private String assign(String name, int column) {
        switch (name) {
            case "date" -> date = column;
            case "time" -> time = column;
            case "cs-method" -> method = column;
            case "cs-uri-stem" -> uriStem = column;
            case "cs-uri-query" -> uriQuery = column;
            case "cs-uri" -> uri = column;
            case "cs-version" -> version = column;
            case "sc-status" -> status = column;
            case "sc-bytes" -> bytesSent = column;
            case "time-taken" -> timeTaken = column;
            case "c-ip" -> clientIp = column;
            case "cs-host", "cs(host)" -> host = column;
            case "cs(cookie)" -> cookie = column;
            // IIS's custom field for the header is named after it, without the cs( ) around it.
            case "x-forwarded-for" -> forwardedFor = column;
            default -> {
                String original = names[column];
                if (name.startsWith("cs(") && original.endsWith(")") && original.length() > 4) {
                    String header = original.substring(3, original.length() - 1);
                    if (name.equals("cs(x-forwarded-for)")) {
                        forwardedFor = column;
                    }
                    return header;
                }
            }
        }
        return null;
    }

    /** The first required field this layout lacks ({@code date} only when no {@code #Date} gives one), or null. */
    String missingRequired(boolean haveDirectiveDate) {
        if (date == ABSENT && !haveDirectiveDate) {
            return "date";
        }
        if (time == ABSENT) {
            return "time";
        }
        if (method == ABSENT) {
            return "cs-method";
        }
        if (uriStem == ABSENT && uri == ABSENT) {
            return "cs-uri-stem";
        }
        return null;
    }

    @Override
    public String toString() {
        return "#Fields at line " + directiveLine + ": " + Arrays.toString(names);
    }
}
