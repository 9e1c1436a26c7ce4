package dev.stampede.testbed.lb;

/** Lets tests outside this package check a line against the default format with {@link NginxLineMatcher}. */
public final class ReadmeLines {

    private ReadmeLines() {}

    /** Whether {@code line} follows {@link NginxLogFormat#STAMPEDE}. */
    public static boolean matches(String line) {
        return NginxLineMatcher.forFormat(NginxLogFormat.STAMPEDE).matches(line);
    }
}
