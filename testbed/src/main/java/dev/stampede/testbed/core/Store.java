package dev.stampede.testbed.core;

import dev.stampede.testbed.data.Account;
import dev.stampede.testbed.data.AccountTable;
import dev.stampede.testbed.data.Instrument;
import dev.stampede.testbed.data.Instruments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One of the core's two stores (live or shadow): orders, IPO subscriptions and the cash they reserve.
 * Both start from the same account table, as a shadow database mirrors the live one. Thread-safe.
 */
public final class Store {

    private final String name;
    private final AccountTable accounts;
    private final AtomicLong orderIds;
    private final Map<Long, Order> orders = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> reservedCents = new ConcurrentHashMap<>();
    private final Map<String, Long> ipoQty = new ConcurrentHashMap<>();
    private final LongAdder placed = new LongAdder();
    private final LongAdder cancels = new LongAdder();
    private final LongAdder subscriptions = new LongAdder();
    private final LongAdder reads = new LongAdder();

    /**
     * @param orderIds shared by both stores, so an order id names one order in one store only
     */
    Store(String name, AccountTable accounts, AtomicLong orderIds) {
        this.name = name;
        this.accounts = accounts;
        this.orderIds = orderIds;
    }

    public String name() {
        return name;
    }

    Order place(Account account, Instrument instrument, String side, long priceCents, long qty, long nowEpochMillis) {
        Order order = new Order(
                orderIds.incrementAndGet(),
                account.accountId(),
                instrument.code(),
                side,
                priceCents,
                qty,
                nowEpochMillis);
        orders.put(order.id(), order);
        if (order.isBuy()) {
            reserved(account.accountId()).addAndGet(order.notionalCents());
        }
        placed.increment();
        return order;
    }

    /** The account's order {@code id} in this store, or {@code null} (other account, other store, unknown). */
    Order find(String accountId, long id) {
        reads.increment();
        Order order = orders.get(id);
        return order != null && order.accountId().equals(accountId) ? order : null;
    }

    /** Cancels; false when it was already cancelled. */
    boolean cancel(Order order) {
        if (!order.cancel()) {
            return false;
        }
        if (order.isBuy()) {
            reserved(order.accountId()).addAndGet(-order.notionalCents());
        }
        cancels.increment();
        return true;
    }

    /**
     * Adds an IPO subscription unless it takes the account past {@code limitQty}; returns the account's
     * new total, or {@code -1} when refused.
     */
    long subscribe(String accountId, String code, long qty, long limitQty) {
        String key = accountId + '/' + code;
        long[] total = {-1};
        ipoQty.compute(key, (k, current) -> {
            long before = current == null ? 0 : current;
            if (before + qty > limitQty) {
                return current;
            }
            total[0] = before + qty;
            return total[0];
        });
        if (total[0] >= 0) {
            subscriptions.increment();
        }
        return total[0];
    }

    /** Quantity of {@code code} the account has subscribed so far. */
    long subscribed(String accountId, String code) {
        return ipoQty.getOrDefault(accountId + '/' + code, 0L);
    }

    Map<String, Object> balance(Account account) {
        reads.increment();
        long reserved = reserved(account.accountId()).get();
        Map<String, Object> balance = new LinkedHashMap<>();
        balance.put("accountId", account.accountId());
        balance.put("currency", "CNY");
        balance.put("cash", account.startingCash());
        balance.put("reservedForOrders", reserved / 100.0);
        balance.put("available", account.startingCash() - reserved / 100.0);
        return balance;
    }

    Map<String, Object> positions(Account account) {
        reads.increment();
        List<Map<String, Object>> positions = new ArrayList<>();
        for (Map.Entry<String, Long> holding : account.holdings().entrySet()) {
            Instrument instrument = Instruments.byCode(holding.getKey());
            Map<String, Object> position = new LinkedHashMap<>();
            position.put("code", instrument.code());
            position.put("name", instrument.name());
            position.put("qty", holding.getValue());
            position.put("marketValue", Math.round(holding.getValue() * instrument.basePrice() * 100) / 100.0);
            positions.add(position);
        }
        return Map.of("accountId", account.accountId(), "positions", positions);
    }

    Account account(String accountId) {
        return accounts.byAccountId(accountId);
    }

    /** Writes so far: orders placed, cancels and IPO subscriptions. */
    public long writes() {
        return placed.sum() + cancels.sum() + subscriptions.sum();
    }

    /** Counts for the admin endpoint. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("orders", placed.sum());
        counts.put("cancels", cancels.sum());
        counts.put("ipoSubscriptions", subscriptions.sum());
        counts.put("writes", writes());
        counts.put("reads", reads.sum());
        return counts;
    }

    private AtomicLong reserved(String accountId) {
        return reservedCents.computeIfAbsent(accountId, id -> new AtomicLong());
    }
}
