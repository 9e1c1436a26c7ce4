package dev.stampede.control.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stampede.common.SuppressForbidden;
import dev.stampede.control.RunStopper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A running load's control API: HTTP on one address (loopback unless told otherwise), every request
 * carrying {@code Authorization: Bearer TOKEN} or answered 401. JSON in and out:
 *
 * <ul>
 *   <li>{@code GET /status}: the live rate ({@link LiveRate.Status}) and the run's live statistics;
 *   <li>{@code POST /rate} {@code {"value": 2000}}: send at that rate from now on;
 *   <li>{@code POST /multiply} {@code {"value": 1.5}}: multiply the rate;
 *   <li>{@code POST /pause}, {@code POST /resume}: stop sending and start again (in-flight requests finish);
 *   <li>{@code POST /stop}: end the run (results are written as for any end).
 * </ul>
 *
 * <p>A change is made on {@link LiveRate} at once (the scheduler reads it within its horizon, tens of
 * milliseconds) and recorded there as an event naming the caller's address. A change the rate refuses
 * (above the ceiling) is answered 409 with the reason; a flat-out run has no rate, so only status and
 * stop work there. One thread serves the requests: they are rare and small.
 *
 * <p>It is served by the JDK's own {@code com.sun.net.httpserver} (module {@code jdk.httpserver}, an
 * exported, supported API of every OpenJDK build, though the forbidden-API check lists all {@code
 * com.sun} packages as non-portable): a control endpoint needs no more, and no new dependency.
 */
@SuppressForbidden(reason = "com.sun.net.httpserver is the supported jdk.httpserver module, not a JDK internal")
public final class ControlServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 4096;

    private final HttpServer server;
    private final ExecutorService executor;
    private final ControlToken token;
    private final LiveRate rate;
    private final RunStopper stopper;
    private final Supplier<Map<String, Object>> runStatus;

    private ControlServer(
            HttpServer server,
            ExecutorService executor,
            ControlToken token,
            LiveRate rate,
            RunStopper stopper,
            Supplier<Map<String, Object>> runStatus) {
        this.server = server;
        this.executor = executor;
        this.token = token;
        this.rate = rate;
        this.stopper = stopper;
        this.runStatus = runStatus;
    }

    /**
     * Starts serving on {@code address} (port 0: any free port).
     *
     * @param rate the run's live rate; null for a flat-out run (rate changes are refused)
     * @param stopper ends the run
     * @param runStatus the run's live statistics for {@code /status} (called on the server's thread)
     * @throws IOException when the address cannot be bound
     */
    public static ControlServer start(
            InetSocketAddress address,
            ControlToken token,
            LiveRate rate,
            RunStopper stopper,
            Supplier<Map<String, Object>> runStatus)
            throws IOException {
        HttpServer server = HttpServer.create(address, 16);
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "stampede-control");
            thread.setDaemon(true);
            return thread;
        });
        ControlServer control = new ControlServer(server, executor, token, rate, stopper, runStatus);
        server.createContext("/", control::handle);
        server.setExecutor(executor);
        server.start();
        return control;
    }

    /** The API's base URL, e.g. {@code http://127.0.0.1:7787}. */
    public URI url() {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + bound.getPort());
    }

    /** Stops serving (at once: a drill's last command was answered before the run ended). */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!token.authorizes(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"stampede\"");
                reply(exchange, 401, error("a bearer token is required (Authorization: Bearer TOKEN)"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            if (path.equals("/status")) {
                if (!method.equals("GET")) {
                    reply(exchange, 405, error("GET /status"));
                    return;
                }
                reply(exchange, 200, status());
                return;
            }
            if (!method.equals("POST")) {
                reply(exchange, path.matches("/(rate|multiply|pause|resume|stop)") ? 405 : 404, error(usage()));
                return;
            }
            String who = "ctl " + exchange.getRemoteAddress().getAddress().getHostAddress();
            switch (path) {
                case "/stop" -> {
                    stopper.stop("stopped by " + who);
                    reply(exchange, 200, Map.of("ok", true, "message", "stopping: nothing more is sent"));
                }
                case "/rate", "/multiply", "/pause", "/resume" -> change(exchange, path, who);
                default -> reply(exchange, 404, error(usage()));
            }
        } catch (RuntimeException e) {
            reply(exchange, 500, error(e.toString()));
        }
    }

    private void change(HttpExchange exchange, String path, String who) throws IOException {
        if (rate == null) {
            reply(exchange, 409, error("this run is flat out: it has no rate to change (status and stop work)"));
            return;
        }
        try {
            switch (path) {
                case "/rate" -> rate.setRate(value(exchange), who);
                case "/multiply" -> rate.multiply(value(exchange), who);
                case "/pause" -> rate.pause(who);
                default -> rate.resume(who);
            }
        } catch (BadRequest e) {
            reply(exchange, 400, error(e.getMessage()));
            return;
        } catch (RateRefusedException e) {
            reply(exchange, 409, error(e.getMessage()));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        body.put("rate", rate.status());
        reply(exchange, 200, body);
    }

    /** The number in the body's {@code value} (or a bare number). */
    private static double value(HttpExchange exchange) throws IOException, BadRequest {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new BadRequest("the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        try {
            JsonNode node = JSON.readTree(text.isEmpty() ? "null" : text);
            JsonNode value = node != null && node.isObject() ? node.get("value") : node;
            if (value == null || !value.isNumber()) {
                throw new BadRequest("give the number as {\"value\": N}, got: " + abbreviate(text));
            }
            return value.doubleValue();
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new BadRequest("the body is not JSON: " + abbreviate(text));
        }
    }

    private Map<String, Object> status() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        body.put("rate", rate == null ? Map.of("mode", "flat out") : rate.status());
        body.put("run", runStatus.get());
        return body;
    }

    private static Map<String, Object> error(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", false);
        body.put("error", message);
        return body;
    }

    private static String usage() {
        return "GET /status; POST /rate {\"value\": N}, /multiply {\"value\": K}, /pause, /resume, /stop";
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A request the API cannot read. */
    private static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }
}
