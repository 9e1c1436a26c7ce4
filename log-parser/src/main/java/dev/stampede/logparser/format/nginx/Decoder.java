package dev.stampede.logparser.format.nginx;

import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;

/** Turns one variable's text, {@code line[start, end)}, into record fields. */
@FunctionalInterface
interface Decoder {

    /** @return {@code null} when decoded, else why the line is rejected */
    Rejection decode(String line, int start, int end, RequestRecord record, LineState state);

    /** A decoder for variables that carry nothing a request record keeps. */
    Decoder IGNORE = (line, start, end, record, state) -> null;
}
