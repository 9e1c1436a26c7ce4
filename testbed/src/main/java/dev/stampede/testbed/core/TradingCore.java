package dev.stampede.testbed.core;

import dev.stampede.common.time.NanoClock;
import dev.stampede.testbed.data.Account;
import dev.stampede.testbed.data.AccountTable;
import dev.stampede.testbed.data.Tickets;
import dev.stampede.testbed.data.Tickets.IpoTicket;
import dev.stampede.testbed.data.Tickets.OrderTicket;
import dev.stampede.testbed.http.Replies;
import dev.stampede.testbed.http.TierHandler;
import dev.stampede.testbed.http.TierRequest;
import dev.stampede.testbed.http.TraceParent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The trading core tier. Writes (orders, cancels, IPO subscriptions) go through the {@link
 * OrderProcessor}, so they cost service time and are refused with 503 beyond capacity; reads answer at
 * once. Marked requests use the shadow store, others the live store; a request never sees the other.
 *
 * <p>Routes (the account comes from the {@code X-Account-Id} header the gateway sets): {@code POST
 * /core/orders}, {@code GET|DELETE /core/orders/{id}}, {@code POST /core/ipo/subscriptions}, {@code GET
 * /core/balance}, {@code GET /core/positions}; and {@code GET /admin/stores} with both stores' counts.
 */
public final class TradingCore implements TierHandler {

    /** Header the gateway sets to the authenticated account. */
    public static final String ACCOUNT_HEADER = "X-Account-Id";

    private static final String ORDERS = "/core/orders";

    private final Store live;
    private final Store shadow;
    private final OrderProcessor processor;
    private final TestMark mark;
    private final long ipoLimitQty;
    private final NanoClock clock;

    public TradingCore(
            AccountTable accounts, OrderProcessor processor, TestMark mark, long ipoLimitQty, NanoClock clock) {
        AtomicLong orderIds = new AtomicLong(900_000_000L);
        this.live = new Store("live", accounts, orderIds);
        this.shadow = new Store("shadow", accounts, orderIds);
        this.processor = processor;
        this.mark = mark;
        this.ipoLimitQty = ipoLimitQty;
        this.clock = clock;
    }

    public Store live() {
        return live;
    }

    public Store shadow() {
        return shadow;
    }

    public OrderProcessor processor() {
        return processor;
    }

    @Override
    public CompletionStage<FullHttpResponse> handle(TierRequest request) {
        String path = request.path();
        HttpMethod method = request.method();
        if (method.equals(HttpMethod.GET) && path.equals("/admin/stores")) {
            request.route("GET /admin/stores");
            return Replies.jsonNow(HttpResponseStatus.OK, Map.of("live", live.counts(), "shadow", shadow.counts()));
        }
        TestMark.Presence presence = mark.presenceIn(request.headers());
        if (presence == TestMark.Presence.UNRECOGNISED) {
            request.route("refused");
            return Replies.errorNow(
                    HttpResponseStatus.BAD_REQUEST,
                    "unrecognised test mark " + mark.name() + ": '"
                            + request.headers().get(mark.name()) + "'; expected '" + mark.value() + "'");
        }
        Store store = presence == TestMark.Presence.MARKED ? shadow : live;
        Account account = store.account(request.headers().get(ACCOUNT_HEADER));
        if (method.equals(HttpMethod.POST) && path.equals(ORDERS)) {
            request.route("POST /core/orders");
            return withAccount(account, () -> place(request, store, account));
        }
        if (path.startsWith(ORDERS + "/")) {
            return orderById(request, store, account, path.substring(ORDERS.length() + 1));
        }
        if (method.equals(HttpMethod.POST) && path.equals("/core/ipo/subscriptions")) {
            request.route("POST /core/ipo/subscriptions");
            return withAccount(account, () -> subscribe(request, store, account));
        }
        if (method.equals(HttpMethod.GET) && path.equals("/core/balance")) {
            request.route("GET /core/balance");
            return withAccount(account, () -> Replies.jsonNow(HttpResponseStatus.OK, store.balance(account)));
        }
        if (method.equals(HttpMethod.GET) && path.equals("/core/positions")) {
            request.route("GET /core/positions");
            return withAccount(account, () -> Replies.jsonNow(HttpResponseStatus.OK, store.positions(account)));
        }
        return Replies.errorNow(HttpResponseStatus.NOT_FOUND, "no route " + method + " " + path);
    }

    private CompletionStage<FullHttpResponse> place(TierRequest request, Store store, Account account) {
        OrderTicket ticket = Tickets.order(Replies.parseObject(request.content()));
        String traceId = TraceParent.traceId(request.headers());
        return answer(processor.submit(() -> {
            Order order = store.place(
                    account,
                    ticket.instrument(),
                    ticket.side(),
                    ticket.priceCents(),
                    ticket.qty(),
                    clock.epochMillis());
            Map<String, Object> view = order.view();
            view.put("traceId", traceId);
            return Replies.json(HttpResponseStatus.OK, view);
        }));
    }

    private CompletionStage<FullHttpResponse> orderById(TierRequest request, Store store, Account account, String id) {
        HttpMethod method = request.method();
        if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.DELETE)) {
            return Replies.errorNow(HttpResponseStatus.METHOD_NOT_ALLOWED, method + " not allowed on an order");
        }
        request.route(method + " /core/orders/{id}");
        return withAccount(account, () -> {
            long orderId = parseId(id);
            Order order = orderId < 0 ? null : store.find(account.accountId(), orderId);
            if (order == null) {
                return Replies.errorNow(HttpResponseStatus.NOT_FOUND, "no order " + id);
            }
            if (method.equals(HttpMethod.GET)) {
                return Replies.jsonNow(HttpResponseStatus.OK, order.view());
            }
            return answer(processor.submit(() -> store.cancel(order)
                    ? Replies.json(HttpResponseStatus.OK, order.view())
                    : Replies.error(HttpResponseStatus.CONFLICT, "order " + id + " is already cancelled")));
        });
    }

    private CompletionStage<FullHttpResponse> subscribe(TierRequest request, Store store, Account account) {
        IpoTicket ticket = Tickets.ipo(Replies.parseObject(request.content()));
        String code = ticket.instrument().code();
        return answer(processor.submit(() -> {
            long total = store.subscribe(account.accountId(), code, ticket.qty(), ipoLimitQty);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", code);
            body.put("requested", ticket.qty());
            body.put("limit", ipoLimitQty);
            if (total < 0) {
                body.put("error", "IPO subscription limit exceeded");
                body.put("subscribed", store.subscribed(account.accountId(), code));
                return Replies.json(HttpResponseStatus.CONFLICT, body);
            }
            body.put("subscribed", total);
            return Replies.json(HttpResponseStatus.OK, body);
        }));
    }

    private static CompletionStage<FullHttpResponse> withAccount(
            Account account, java.util.function.Supplier<CompletionStage<FullHttpResponse>> action) {
        if (account == null) {
            return Replies.errorNow(HttpResponseStatus.UNAUTHORIZED, "missing or unknown " + ACCOUNT_HEADER);
        }
        return action.get();
    }

    /** Turns a refusal by the processor into 503, everything else passes through. */
    private static CompletionStage<FullHttpResponse> answer(CompletableFuture<FullHttpResponse> processed) {
        return processed.exceptionally(failure -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof CoreBusyException busy) {
                return Replies.error(HttpResponseStatus.SERVICE_UNAVAILABLE, busy.getMessage());
            }
            throw failure instanceof CompletionException ce ? ce : new CompletionException(failure);
        });
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
