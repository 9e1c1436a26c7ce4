package dev.stampede.testbed.service;

import dev.stampede.common.time.NanoClock;
import dev.stampede.testbed.data.Instrument;
import dev.stampede.testbed.data.Instruments;
import dev.stampede.testbed.gateway.ApiRoutes;
import dev.stampede.testbed.http.Replies;
import dev.stampede.testbed.http.TierHandler;
import dev.stampede.testbed.http.TierRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Market data, answered from memory (as from a cache): {@code GET /api/quote/{code}} and {@code GET
 * /api/kline/{code}?period=1m|5m|1d[&limit=N]}. Prices wander smoothly with the wall clock, the same
 * for every caller at the same second, so responses look live but are reproducible.
 */
public final class MarketService implements TierHandler {

    private static final Map<String, Long> PERIOD_SECONDS = Map.of("1m", 60L, "5m", 300L, "1d", 86_400L);
    private static final int DEFAULT_CANDLES = 60;
    private static final int MAX_CANDLES = 500;

    private final NanoClock clock;

    public MarketService(NanoClock clock) {
        this.clock = clock;
    }

    @Override
    public CompletionStage<FullHttpResponse> handle(TierRequest request) {
        String path = request.path();
        request.route(ApiRoutes.template(request.method(), path));
        if (!request.method().equals(HttpMethod.GET)) {
            return Replies.errorNow(HttpResponseStatus.METHOD_NOT_ALLOWED, "market data is read-only");
        }
        if (path.startsWith("/api/quote/")) {
            Instrument instrument = Instruments.byCode(path.substring("/api/quote/".length()));
            return instrument == null ? unknown(path) : Replies.jsonNow(HttpResponseStatus.OK, quote(instrument));
        }
        if (path.startsWith("/api/kline/")) {
            Instrument instrument = Instruments.byCode(path.substring("/api/kline/".length()));
            return instrument == null ? unknown(path) : kline(request, instrument);
        }
        return Replies.errorNow(HttpResponseStatus.NOT_FOUND, "no route " + path);
    }

    private Map<String, Object> quote(Instrument instrument) {
        long second = clock.epochMillis() / 1000;
        double price = price(instrument, second);
        double open = price(instrument, second - second % 86_400);
        Map<String, Object> quote = new LinkedHashMap<>();
        quote.put("code", instrument.code());
        quote.put("name", instrument.name());
        quote.put("price", round(price));
        quote.put("open", round(open));
        quote.put("change", round(price - open));
        quote.put("changePct", round((price - open) / open * 100));
        quote.put("bid", round(price * 0.9995));
        quote.put("ask", round(price * 1.0005));
        quote.put(
                "volume",
                1_000_000 + Math.floorMod(second * 7919 + instrument.code().hashCode(), 9_000_000));
        quote.put("ts", second * 1000);
        return quote;
    }

    private CompletionStage<FullHttpResponse> kline(TierRequest request, Instrument instrument) {
        String period = request.queryParam("period");
        Long step = period == null ? null : PERIOD_SECONDS.get(period);
        if (step == null) {
            return Replies.errorNow(HttpResponseStatus.BAD_REQUEST, "period must be 1m, 5m or 1d");
        }
        int limit = DEFAULT_CANDLES;
        String limitText = request.queryParam("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_CANDLES) {
                return Replies.errorNow(HttpResponseStatus.BAD_REQUEST, "limit must be 1.." + MAX_CANDLES);
            }
        }
        long last = clock.epochMillis() / 1000 / step * step;
        List<List<Object>> candles = new ArrayList<>(limit);
        for (long t = last - (limit - 1) * step; t <= last; t += step) {
            double open = price(instrument, t);
            double close = price(instrument, t + step - 1);
            double high = Math.max(open, close) * 1.002;
            double low = Math.min(open, close) * 0.998;
            long volume = 10_000 + Math.floorMod(t * 31 + instrument.code().hashCode(), 990_000);
            candles.add(List.of(t * 1000, round(open), round(high), round(low), round(close), volume));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", instrument.code());
        body.put("period", period);
        body.put("columns", List.of("ts", "open", "high", "low", "close", "volume"));
        body.put("candles", candles);
        return Replies.jsonNow(HttpResponseStatus.OK, body);
    }

    /** A smooth, bounded wander around the base price: a few overlapping slow waves. */
    static double price(Instrument instrument, long epochSecond) {
        double phase = Math.floorMod(instrument.code().hashCode(), 1000) / 1000.0 * 2 * Math.PI;
        double wave = 0.03 * Math.sin(epochSecond / 3600.0 + phase)
                + 0.01 * Math.sin(epochSecond / 300.0 + 2 * phase)
                + 0.002 * Math.sin(epochSecond / 17.0 + 3 * phase);
        return instrument.basePrice() * (1 + wave);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static CompletionStage<FullHttpResponse> unknown(String path) {
        return Replies.errorNow(
                HttpResponseStatus.NOT_FOUND, "unknown code '" + path.substring(path.lastIndexOf('/') + 1) + "'");
    }
}
