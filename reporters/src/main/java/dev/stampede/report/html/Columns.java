package dev.stampede.report.html;

import java.util.List;

/**
 * The names of {@link ReportData.TimeSeries#columns()}, which are also the keys the page reads. Rates are
 * per second, latencies in milliseconds.
 */
public final class Columns {

    /** The rate asked for (mean over the point's intervals); absent for a flat-out run. */
    public static final String TARGET = "target";
    /** Requests attempted per second (sent to the target, whatever their outcome). */
    public static final String ACHIEVED = "achieved";
    /** The lowest single-interval achieved rate within the point. */
    public static final String ACHIEVED_MIN = "achievedMin";
    /** The highest single-interval achieved rate within the point. */
    public static final String ACHIEVED_MAX = "achievedMax";
    /** 2xx responses per second. */
    public static final String OK = "ok";
    /** Requests in flight at the point's last interval end. */
    public static final String IN_FLIGHT = "inFlight";

    public static final String P50 = "p50";
    public static final String P90 = "p90";
    public static final String P99 = "p99";
    public static final String P999 = "p999";
    public static final String MAX = "max";

    public static final String SEND_LAG_P50 = "sendLagP50";
    public static final String SEND_LAG_P99 = "sendLagP99";
    public static final String SEND_LAG_MAX = "sendLagMax";

    /** Errors per second by class. */
    public static final String ERRORS_4XX = "errors4xx";

    public static final String ERRORS_5XX = "errors5xx";
    /** Responses that are neither 2xx, 4xx nor 5xx. */
    public static final String ERRORS_OTHER_HTTP = "errorsOtherHttp";
    /** Connect, reset and protocol failures. */
    public static final String ERRORS_TRANSPORT = "errorsTransport";

    public static final String ERRORS_TIMEOUT = "errorsTimeout";
    /** Requests never sent (in-flight cap, stopped). */
    public static final String ERRORS_UNSENT = "errorsUnsent";

    /** The error classes in the order the page stacks them. */
    public static final List<String> ERROR_CLASSES =
            List.of(ERRORS_4XX, ERRORS_5XX, ERRORS_OTHER_HTTP, ERRORS_TRANSPORT, ERRORS_TIMEOUT, ERRORS_UNSENT);

    private Columns() {}

    /**
     * The error class column of an outcome code from a result file, {@link #OK} for {@code ok}; codes this
     * version does not know are classed by their prefix (readers must accept new codes).
     */
    static String classOf(String outcomeCode) {
        if (outcomeCode.equals("ok")) {
            return OK;
        }
        if (outcomeCode.equals("http_4xx")) {
            return ERRORS_4XX;
        }
        if (outcomeCode.equals("http_5xx")) {
            return ERRORS_5XX;
        }
        if (outcomeCode.startsWith("transport")) {
            return ERRORS_TRANSPORT;
        }
        if (outcomeCode.startsWith("timeout")) {
            return ERRORS_TIMEOUT;
        }
        if (outcomeCode.startsWith("unsent")) {
            return ERRORS_UNSENT;
        }
        return ERRORS_OTHER_HTTP;
    }
}
