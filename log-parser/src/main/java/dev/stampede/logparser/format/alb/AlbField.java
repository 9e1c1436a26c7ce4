package dev.stampede.logparser.format.alb;

/**
 * The fields of an ALB access log entry, in order, as AWS's "Access logs for your Application Load
 * Balancer" lists them. AWS appends new fields over time ({@code conn_trace_id}, {@code transformed_host},
 * ...); those after {@link #CLASSIFICATION_REASON} are accepted and not read.
 */
enum AlbField {
    TYPE("type"),
    /** When the load balancer generated the response: the end of the request. */
    TIME("time"),
    ELB("elb"),
    CLIENT("client:port"),
    TARGET("target:port"),
    /** Seconds from receiving the request to sending it to a target; -1 when it never was. */
    REQUEST_PROCESSING_TIME("request_processing_time"),
    /** Seconds from sending the request to the target to its response headers; -1 when none came. */
    TARGET_PROCESSING_TIME("target_processing_time"),
    /** Seconds from the target's response headers to sending the response; -1 when not sent. */
    RESPONSE_PROCESSING_TIME("response_processing_time"),
    ELB_STATUS_CODE("elb_status_code"),
    TARGET_STATUS_CODE("target_status_code"),
    RECEIVED_BYTES("received_bytes"),
    SENT_BYTES("sent_bytes"),
    /** {@code METHOD scheme://host:port/path?query PROTOCOL}. */
    REQUEST("request"),
    USER_AGENT("user_agent"),
    SSL_CIPHER("ssl_cipher"),
    SSL_PROTOCOL("ssl_protocol"),
    TARGET_GROUP_ARN("target_group_arn"),
    TRACE_ID("trace_id"),
    DOMAIN_NAME("domain_name"),
    CHOSEN_CERT_ARN("chosen_cert_arn"),
    MATCHED_RULE_PRIORITY("matched_rule_priority"),
    /** When the load balancer received the request: the start. */
    REQUEST_CREATION_TIME("request_creation_time"),
    ACTIONS_EXECUTED("actions_executed"),
    REDIRECT_URL("redirect_url"),
    ERROR_REASON("error_reason"),
    TARGET_PORT_LIST("target:port_list"),
    TARGET_STATUS_CODE_LIST("target_status_code_list"),
    CLASSIFICATION("classification"),
    CLASSIFICATION_REASON("classification_reason");

    /** Fields a line must have: through the request. Older logs end earlier than today's. */
    static final int REQUIRED = REQUEST.ordinal() + 1;

    private final String documentedName;

    AlbField(String documentedName) {
        this.documentedName = documentedName;
    }

    /** The name AWS documents, for rejections. */
    String documentedName() {
        return documentedName;
    }
}
