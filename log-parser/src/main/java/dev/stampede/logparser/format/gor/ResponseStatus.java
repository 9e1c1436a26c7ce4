package dev.stampede.logparser.format.gor;

/** The status code of a raw HTTP response's status line, {@code HTTP/1.1 200 OK}. */
final class ResponseStatus {

    /** Returned for a line that is not a status line. */
    static final int INVALID = -1;

    private ResponseStatus() {}

    /** The status code (100 to 999) of {@code line}, or {@link #INVALID}. */
    static int parse(String line) {
        int space = line.indexOf(' ');
        if (!line.startsWith("HTTP/") || space < 0 || line.length() < space + 4) {
            return INVALID;
        }
        if (line.length() > space + 4 && line.charAt(space + 4) != ' ') {
            return INVALID;
        }
        int status = 0;
        for (int i = space + 1; i < space + 4; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return INVALID;
            }
            status = status * 10 + (c - '0');
        }
        return status >= 100 ? status : INVALID;
    }
}
