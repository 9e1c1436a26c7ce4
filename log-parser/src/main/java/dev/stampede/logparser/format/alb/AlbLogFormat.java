package dev.stampede.logparser.format.alb;

import dev.stampede.logparser.LineFormat;
import dev.stampede.logparser.LineParser;

/**
 * AWS Application Load Balancer access logs, as documented in "Access logs for your Application Load
 * Balancer": space-separated fields, some quoted, {@code type time elb client:port target:port
 * request_processing_time target_processing_time response_processing_time elb_status_code
 * target_status_code received_bytes sent_bytes "request" "user_agent" ssl_cipher ssl_protocol
 * target_group_arn "trace_id" "domain_name" "chosen_cert_arn" matched_rule_priority request_creation_time
 * "actions_executed" "redirect_url" "error_reason" "target:port_list" "target_status_code_list"
 * "classification" "classification_reason"}, and whatever fields AWS appends later.
 *
 * <p>What becomes of them:
 *
 * <ul>
 *   <li>Start: {@code request_creation_time}, documented as when the load balancer received the request.
 *       Older logs lack it; then {@code time} (when the load balancer generated the response, the end)
 *       minus the three processing times when all are known, else {@code time} itself.
 *   <li>Request time: the sum of the three processing times, unknown when any is {@code -1} (the load
 *       balancer could not dispatch the request, or the client or target closed the connection). Upstream
 *       time: {@code target_processing_time}.
 *   <li>{@code "request"}, {@code GET https://host:443/path?q HTTP/1.1}: method and protocol; the uri is
 *       the path and query, the host the authority's host (with the port unless it is the scheme's
 *       default). {@code \xHH} escapes (ALB writes a quote as {@code \x22}) are undone.
 *   <li>Status {@code elb_status_code} (what the client got; {@code -} is none), bytes {@code sent_bytes},
 *       client the address of {@code client:port}, header {@code user-agent}. The rest is not replayed.
 * </ul>
 *
 * <p>A line needs at least the fields through {@code "request"}; a request line the load balancer could
 * not read ({@code "- http://host:80- -"}) is a {@code bad-request-line} rejection. Immutable; each thread
 * gets its own {@link #newParser() parser}, which allocates only the strings the record keeps.
 */
public final class AlbLogFormat implements LineFormat {

    private static final AlbLogFormat INSTANCE = new AlbLogFormat();

    private AlbLogFormat() {}

    /** The format (it has no options). */
    public static AlbLogFormat create() {
        return INSTANCE;
    }

    @Override
    public String name() {
        return "alb";
    }

    @Override
    public String describe() {
        return "AWS Application Load Balancer access log: type time elb client:port target:port"
                + " request_processing_time target_processing_time response_processing_time elb_status_code"
                + " target_status_code received_bytes sent_bytes \"request\" \"user_agent\" ... request_creation_time ...";
    }

    @Override
    public LineParser newParser() {
        return new AlbLineParser();
    }
}
