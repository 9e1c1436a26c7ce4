package dev.stampede.logparser.format.har;

import java.util.ArrayList;
import java.util.List;

/**
 * What Stampede reads of one {@code log.entries[]} element, as given: texts are {@code null} and
 * numbers {@code NaN} when absent or of another type. Filled by {@link HarEntryReader}, turned into a
 * record by {@link HarRecords}.
 */
final class HarEntry {

    String startedDateTime;
    String method;
    String url;
    String httpVersion;
    /** Request headers as {@code {name, value}} pairs, in order. */
    final List<String[]> headers = new ArrayList<>();
    /** Request cookies as {@code {name, value}} pairs, in order. */
    final List<String[]> cookies = new ArrayList<>();

    boolean hasPostData;
    String postText;
    /** Not in HAR 1.2, but some tools mark a binary body this way, as in {@code response.content}. */
    String postEncoding;

    String postMimeType;
    /** Posted parameters as {@code {name, value}} pairs, for a form posted without {@code text}. */
    final List<String[]> postParams = new ArrayList<>();

    double status = Double.NaN;
    double responseBodySize = Double.NaN;
    double contentSize = Double.NaN;
    double sendMs = Double.NaN;
    double waitMs = Double.NaN;
    double receiveMs = Double.NaN;

    /** A short description for messages: method and url as far as known. */
    String summary() {
        String text = (method == null ? "" : method + " ") + (url == null ? "" : url);
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
