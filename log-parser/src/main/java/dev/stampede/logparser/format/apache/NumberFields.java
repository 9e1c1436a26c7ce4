package dev.stampede.logparser.format.apache;

import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.Rejection.Reason;

/** Status, response size and duration. Each may follow another field directly (it ends where its digits do). */
final class NumberFields {

    private NumberFields() {}

    /** {@code %s}, {@code %<s} (rank 1) and {@code %>s} (rank 2, the final status wins). */
    record Status(String name, int rank) implements FieldDecoder {
        @Override
        public Rejection decode(String line, int start, int end, LineState state) {
            long status = end - start == 3 && line.charAt(start) != '0' ? Digits.parse(line, start, end) : -1;
            if (status < 0) {
                return new Rejection(
                        Reason.BAD_STATUS,
                        name,
                        start + 1,
                        "'" + line.substring(start, end) + "' is not a 3-digit status");
            }
            state.offerStatus((int) status, rank);
            return null;
        }

        @Override
        public boolean hasNaturalEnd() {
            return true;
        }

        /** A status is three digits, so digits may follow it directly ({@code %>s%D}). */
        @Override
        public int naturalEnd(String line, int start, int lineEnd, LineState state) {
            return Math.min(Digits.naturalEnd(line, start, lineEnd), start + 3);
        }
    }

    /**
     * {@code %b} (a {@code -} is 0 bytes) and {@code %B} (rank 2: the body size), {@code %O} (rank 1: the
     * whole response, used only without the others). A {@code -} in {@code %B}/{@code %O} is "not logged".
     */
    record Bytes(String name, int rank, boolean dashIsZero) implements FieldDecoder {
        @Override
        public Rejection decode(String line, int start, int end, LineState state) {
            if (Digits.isDash(line, start, end)) {
                if (dashIsZero) {
                    state.offerBytes(0, rank);
                }
                return null;
            }
            long bytes = Digits.parse(line, start, end);
            if (bytes < 0) {
                return notANumber(name, line, start, end);
            }
            state.offerBytes(bytes, rank);
            return null;
        }

        @Override
        public boolean hasNaturalEnd() {
            return true;
        }

        @Override
        public int naturalEnd(String line, int start, int lineEnd, LineState state) {
            return Digits.naturalEnd(line, start, lineEnd);
        }
    }

    /**
     * {@code %D} (µs, rank 3), {@code %{ms}T} (rank 2), {@code %T} and {@code %{s}T} (seconds, rank 1): the
     * finest one logged is the request time.
     */
    record Duration(String name, long microsPerUnit, int rank) implements FieldDecoder {
        @Override
        public Rejection decode(String line, int start, int end, LineState state) {
            if (Digits.isDash(line, start, end)) {
                return null;
            }
            long value = Digits.parse(line, start, end);
            if (value < 0) {
                return notANumber(name, line, start, end);
            }
            state.offerDuration(value * microsPerUnit, rank);
            return null;
        }

        @Override
        public boolean hasNaturalEnd() {
            return true;
        }

        @Override
        public int naturalEnd(String line, int start, int lineEnd, LineState state) {
            return Digits.naturalEnd(line, start, lineEnd);
        }
    }

    static Rejection notANumber(String name, String line, int start, int end) {
        String text = line.substring(start, Math.min(end, start + 40));
        return new Rejection(Reason.BAD_NUMBER, name, start + 1, "'" + text + "' is not a number");
    }
}
