package dev.stampede.benchmarks;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Deterministic nginx {@code combined} lines of trading-app users in sessions, for the model benchmarks:
 * the path mix of {@code benchmarks/parse/GenerateNginxLog.java} (quotes and K-lines by stock code, orders,
 * balance, static files) plus numeric order ids, news UUIDs, hex user ids and a percent-encoded search, so
 * that every kind of slot the templater detects occurs. Unlike that generator, requests come from {@value
 * #ACTIVE_USERS} users at a time, each staying for a geometric number of requests (mean {@value
 * #MEAN_SESSION_REQUESTS}) before a new one (a new address) takes the place: sessions the model builder can
 * find, as in a real log. About 40 requests a second of log time.
 */
final class TradingSessionLog {

    private static final int ACTIVE_USERS = 300;
    private static final int MEAN_SESSION_REQUESTS = 15;
    private static final String[] AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
        "StockApp/5.12.1 (iPhone15,2; iOS 17.4.1; Scale/3.00)",
        "StockApp/5.12.1 (Linux; Android 14; SM-S9180) okhttp/4.12.0",
        "curl/8.4.0"
    };
    private static final String[] SEARCHES = {"%E8%8C%85%E5%8F%B0", "%E5%B9%B3%E5%AE%89", "bank", "AAPL"};
    private static final int[] STATUSES = {200, 200, 200, 200, 304, 404, 503};

    private final SplittableRandom random;
    private final String[] addresses = new String[ACTIVE_USERS];
    private final String[] agents = new String[ACTIVE_USERS];
    private final int[] remaining = new int[ACTIVE_USERS];
    private final String[] userIds = new String[ACTIVE_USERS];
    private double seconds;

    TradingSessionLog(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The next {@code count} lines, in time order. */
    String[] lines(int count) {
        String[] lines = new String[count];
        for (int i = 0; i < count; i++) {
            lines[i] = next();
        }
        return lines;
    }

    /** The next line. */
    String next() {
        seconds += random.nextDouble() * 0.05;
        int user = random.nextInt(ACTIVE_USERS);
        if (remaining[user] == 0) {
            addresses[user] = (1 + random.nextInt(223)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + (1 + random.nextInt(254));
            agents[user] = AGENTS[random.nextInt(AGENTS.length)];
            userIds[user] = Long.toHexString(0x1000_0000_0000L + random.nextLong(0xF000_0000_0000L));
            remaining[user] = 1 + (int) (-Math.log(1 - random.nextDouble()) * (MEAN_SESSION_REQUESTS - 1));
        }
        remaining[user]--;
        String path = path(user);
        long clock = 9 * 3600 + (long) seconds; // from 09:00 on 2026-11-21, +0800
        return String.format(
                Locale.ROOT,
                "%s - - [%02d/Nov/2026:%02d:%02d:%02d +0800] \"%s %s HTTP/1.1\" %d %d \"-\" \"%s\"",
                addresses[user],
                21 + clock / 86400,
                clock / 3600 % 24,
                clock / 60 % 60,
                clock % 60,
                path.equals("/api/order") ? "POST" : "GET",
                path,
                STATUSES[random.nextInt(STATUSES.length)],
                random.nextInt(90_000),
                agents[user]);
    }

    private String path(int user) {
        int code = 600000 + random.nextInt(300);
        return switch (random.nextInt(20)) {
            case 0, 1, 2, 3, 4, 5 -> "/api/quote/" + code;
            case 6, 7, 8 -> "/api/kline/" + code + "?period=1m&limit=" + (10 + random.nextInt(490));
            case 9, 10 -> "/api/order";
            case 11 -> "/api/orders/" + (7_000_000 + random.nextInt(3_000_000)) + "?page=" + (1 + random.nextInt(5));
            case 12 -> "/api/account/balance";
            case 13 -> "/api/users/" + userIds[user] + "/watchlist";
            case 14 -> "/api/news/" + new UUID(random.nextLong(), random.nextLong());
            case 15 -> "/api/search?q=" + SEARCHES[random.nextInt(SEARCHES.length)] + "&limit=20";
            case 16, 17 -> "/static/app." + random.nextInt(20) + ".js";
            default -> "/index.html";
        };
    }
}
