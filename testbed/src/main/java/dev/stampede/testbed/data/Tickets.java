package dev.stampede.testbed.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampede.testbed.http.Replies.BadRequestException;
import java.math.BigDecimal;
import java.util.Locale;

/** The two order bodies the app sends, validated the same way by the order service and the core. */
public final class Tickets {

    private static final BigDecimal MAX_PRICE = BigDecimal.valueOf(10_000_000);

    private Tickets() {}

    /** {@code POST /api/order} body: {@code {code, side, price, qty}}. */
    public record OrderTicket(Instrument instrument, String side, long priceCents, long qty) {}

    /** {@code POST /api/ipo/subscribe} body: {@code {code, qty}}. */
    public record IpoTicket(Instrument instrument, long qty) {}

    /**
     * Reads and checks an order: a listed, tradable code; side {@code buy} or {@code sell}; a positive
     * price with at most two decimals (a price that would need rounding is refused, not rounded); a
     * positive whole quantity in whole lots.
     */
    public static OrderTicket order(JsonNode body) {
        Instrument instrument = instrument(body);
        if (instrument.ipo()) {
            throw new BadRequestException(instrument.code() + " is not trading yet (IPO); subscribe instead");
        }
        String side = text(body, "side").toLowerCase(Locale.ROOT);
        if (!side.equals("buy") && !side.equals("sell")) {
            throw new BadRequestException("side must be buy or sell, got '" + side + "'");
        }
        return new OrderTicket(instrument, side, priceCents(body.get("price")), lots(body, instrument));
    }

    /** Reads and checks an IPO subscription: the open IPO's code and a positive quantity in whole lots. */
    public static IpoTicket ipo(JsonNode body) {
        Instrument instrument = instrument(body);
        if (!instrument.ipo()) {
            throw new BadRequestException(instrument.code() + " has no IPO open for subscription");
        }
        return new IpoTicket(instrument, lots(body, instrument));
    }

    /** A price in whole cents: positive, at most 10,000,000, at most two decimals (no silent rounding). */
    private static long priceCents(JsonNode price) {
        if (price == null || !price.isNumber()) {
            throw new BadRequestException("price must be a positive number");
        }
        BigDecimal value = price.decimalValue().stripTrailingZeros();
        if (value.signum() <= 0 || value.compareTo(MAX_PRICE) > 0) {
            throw new BadRequestException("price must be a positive number up to " + MAX_PRICE.toPlainString());
        }
        if (value.scale() > 2) {
            throw new BadRequestException("price must have at most two decimals, got " + value.toPlainString());
        }
        return value.movePointRight(2).longValueExact();
    }

    private static Instrument instrument(JsonNode body) {
        String code = text(body, "code");
        Instrument instrument = Instruments.byCode(code);
        if (instrument == null) {
            throw new BadRequestException("unknown code '" + code + "'");
        }
        return instrument;
    }

    private static long lots(JsonNode body, Instrument instrument) {
        JsonNode qty = body.get("qty");
        if (qty == null
                || !qty.isNumber()
                || !qty.canConvertToExactIntegral()
                || !qty.canConvertToLong()
                || qty.asLong() <= 0
                || qty.asLong() > 10_000_000) {
            throw new BadRequestException("qty must be a positive whole number");
        }
        if (qty.asLong() % instrument.lotSize() != 0) {
            throw new BadRequestException(
                    "qty must be a multiple of the lot size " + instrument.lotSize() + " for " + instrument.code());
        }
        return qty.asLong();
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new BadRequestException("field '" + field + "' is required (a string)");
        }
        return value.asText().trim();
    }
}
