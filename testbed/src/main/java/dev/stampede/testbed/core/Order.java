package dev.stampede.testbed.core;

import java.util.LinkedHashMap;
import java.util.Map;

/** An order in a store. Its status changes from open to cancelled, under the order's own lock. */
final class Order {

    private final long id;
    private final String accountId;
    private final String code;
    private final String side;
    private final long priceCents;
    private final long qty;
    private final long createdEpochMillis;
    private boolean cancelled;

    Order(long id, String accountId, String code, String side, long priceCents, long qty, long createdEpochMillis) {
        this.id = id;
        this.accountId = accountId;
        this.code = code;
        this.side = side;
        this.priceCents = priceCents;
        this.qty = qty;
        this.createdEpochMillis = createdEpochMillis;
    }

    long id() {
        return id;
    }

    String accountId() {
        return accountId;
    }

    boolean isBuy() {
        return "buy".equals(side);
    }

    long notionalCents() {
        return priceCents * qty;
    }

    /** Cancels the order; false when it already was. */
    synchronized boolean cancel() {
        if (cancelled) {
            return false;
        }
        cancelled = true;
        return true;
    }

    synchronized boolean isOpen() {
        return !cancelled;
    }

    /** The order as the API shows it. */
    synchronized Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("orderId", Long.toString(id));
        view.put("code", code);
        view.put("side", side);
        view.put("price", priceCents / 100.0);
        view.put("qty", qty);
        view.put("status", cancelled ? "cancelled" : "open");
        view.put("createdAt", createdEpochMillis);
        return view;
    }
}
