package dev.stampede.testbed.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampede.common.time.NanoClock;
import dev.stampede.testbed.core.TradingCore;
import dev.stampede.testbed.data.Account;
import dev.stampede.testbed.data.AccountTable;
import dev.stampede.testbed.http.Forwarding;
import dev.stampede.testbed.http.Replies;
import dev.stampede.testbed.http.TierHandler;
import dev.stampede.testbed.http.TierRequest;
import dev.stampede.testbed.http.TraceParent;
import dev.stampede.testbed.http.UpstreamClient;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A gateway instance: logs users in, checks the session of every other request (401 without one),
 * routes by path prefix to the owning service, and passes on the test mark and trace context. The
 * services learn who is calling from {@code X-Account-Id}, which the gateway sets and clients cannot.
 */
public final class Gateway implements TierHandler {

    /** Name of the session cookie. */
    public static final String SESSION_COOKIE = "SESSION";

    private final String name;
    private final AccountTable accounts;
    private final SessionStore sessions;
    private final Map<ApiRoutes.Service, UpstreamClient> services;
    private final NanoClock clock;
    private final long sessionTimeoutSeconds;

    public Gateway(
            String name,
            AccountTable accounts,
            SessionStore sessions,
            Map<ApiRoutes.Service, UpstreamClient> services,
            NanoClock clock,
            long sessionTimeoutSeconds) {
        this.name = name;
        this.accounts = accounts;
        this.sessions = sessions;
        this.services = Map.copyOf(services);
        this.clock = clock;
        this.sessionTimeoutSeconds = sessionTimeoutSeconds;
    }

    @Override
    public CompletionStage<FullHttpResponse> handle(TierRequest request) {
        String path = request.path();
        request.route(ApiRoutes.template(request.method(), path));
        if (path.equals("/api/login")) {
            return request.method().equals(HttpMethod.POST)
                    ? Replies.now(login(request))
                    : Replies.errorNow(HttpResponseStatus.METHOD_NOT_ALLOWED, "use POST /api/login");
        }
        ApiRoutes.Service service = ApiRoutes.serviceFor(path);
        if (service == null && !path.equals("/api/logout")) {
            return Replies.errorNow(HttpResponseStatus.NOT_FOUND, "no route for " + request.method() + " " + path);
        }
        String token = token(request);
        SessionStore.Session session = sessions.touch(token);
        if (session == null) {
            return Replies.errorNow(
                    HttpResponseStatus.UNAUTHORIZED,
                    token == null ? "login required" : "session expired or unknown; log in again");
        }
        if (path.equals("/api/logout")) {
            sessions.close(token);
            return Replies.jsonNow(HttpResponseStatus.OK, Map.of("loggedOut", true));
        }
        FullHttpRequest outgoing = Forwarding.copy(request);
        outgoing.headers()
                .remove(HttpHeaderNames.COOKIE)
                .remove(HttpHeaderNames.AUTHORIZATION)
                .set(TradingCore.ACCOUNT_HEADER, session.account().accountId())
                .set(TraceParent.HEADER, TraceParent.next(request.headers(), ThreadLocalRandom.current()))
                .add("X-Forwarded-For", request.remoteAddress());
        return Forwarding.forward(request, services.get(service), outgoing, clock, name);
    }

    private FullHttpResponse login(TierRequest request) {
        JsonNode body = Replies.parseObject(request.content());
        JsonNode user = body.get("user");
        JsonNode password = body.get("password");
        if (user == null || !user.isTextual() || password == null || !password.isTextual()) {
            throw new Replies.BadRequestException("login needs {\"user\": ..., \"password\": ...}");
        }
        Account account = accounts.byUser(user.asText());
        if (account == null || !account.password().equals(password.asText())) {
            return Replies.error(HttpResponseStatus.UNAUTHORIZED, "invalid user or password");
        }
        SessionStore.Session session = sessions.open(account);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("token", session.token());
        reply.put("user", account.user());
        reply.put("accountId", account.accountId());
        reply.put("expiresInSeconds", sessionTimeoutSeconds);
        FullHttpResponse response = Replies.json(HttpResponseStatus.OK, reply);
        Cookie cookie = new DefaultCookie(SESSION_COOKIE, session.token());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        response.headers().add(HttpHeaderNames.SET_COOKIE, ServerCookieEncoder.STRICT.encode(cookie));
        return response;
    }

    /** The session token from the {@code SESSION} cookie, else from {@code Authorization: Bearer}. */
    static String token(TierRequest request) {
        for (String header : request.headers().getAll(HttpHeaderNames.COOKIE)) {
            for (Cookie cookie : ServerCookieDecoder.LAX.decode(header)) {
                if (SESSION_COOKIE.equals(cookie.name()) && !cookie.value().isEmpty()) {
                    return cookie.value();
                }
            }
        }
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String bearer = authorization.substring(7).trim();
            return bearer.isEmpty() ? null : bearer;
        }
        return null;
    }
}
