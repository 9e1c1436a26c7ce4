package dev.stampede.logparser.format.w3c;

import dev.stampede.logparser.RequestRecord;

/** The Cookie header as IIS logs it, {@code a=b;+c=d} ({@code +} for each space), into record cookies. */
final class Cookies {

    private Cookies() {}

    /** Adds each {@code name=value} pair of {@code header} (spaces already decoded) to {@code record}. */
    static void parse(String header, RequestRecord record) {
        int start = 0;
        while (start < header.length()) {
            int end = header.indexOf(';', start);
            end = end < 0 ? header.length() : end;
            String pair = header.substring(start, end).strip();
            int equals = pair.indexOf('=');
            if (equals > 0) {
                record.cookie(
                        pair.substring(0, equals).strip(),
                        pair.substring(equals + 1).strip());
            }
            start = end + 1;
        }
    }
}
