package dev.stampede.testbed.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampede.testbed.data.Tickets.IpoTicket;
import dev.stampede.testbed.data.Tickets.OrderTicket;
import dev.stampede.testbed.http.Replies.BadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TicketsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IPO_CODE = "301999";

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static JsonNode order(String code, String side, String price, String qty) {
        return json("{'code': " + code + ", 'side': " + side + ", 'price': " + price + ", 'qty': " + qty + "}");
    }

    @Test
    void readsAValidOrder() {
        OrderTicket ticket = Tickets.order(order("'600519'", "'buy'", "1688.5", "200"));

        assertThat(ticket.instrument()).isEqualTo(Instruments.byCode("600519"));
        assertThat(ticket.side()).isEqualTo("buy");
        assertThat(ticket.priceCents()).isEqualTo(168_850L);
        assertThat(ticket.qty()).isEqualTo(200L);
    }

    @Test
    void normalisesTheSideAndTrimsTheCode() {
        OrderTicket ticket = Tickets.order(order("' 00700.HK '", "' SELL '", "386.2", "100"));

        assertThat(ticket.instrument().code()).isEqualTo("00700.HK");
        assertThat(ticket.side()).isEqualTo("sell");
        assertThat(ticket.priceCents()).isEqualTo(38_620L);
    }

    @Test
    void usStocksTradeInSingleShares() {
        assertThat(Instruments.byCode("AAPL").lotSize()).isEqualTo(1);
        assertThat(Tickets.order(order("'AAPL'", "'buy'", "227.5", "1")).qty()).isEqualTo(1L);
        assertThat(Tickets.order(order("'TSLA'", "'sell'", "251.3", "7")).qty()).isEqualTo(7L);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "{'side': 'buy', 'price': 10, 'qty': 100}                   | field 'code' is required",
                "{'code': '', 'side': 'buy', 'price': 10, 'qty': 100}       | field 'code' is required",
                "{'code': 600519, 'side': 'buy', 'price': 10, 'qty': 100}   | field 'code' is required",
                "{'code': 'XYZ', 'side': 'buy', 'price': 10, 'qty': 100}    | unknown code 'XYZ'",
                "{'code': 'aapl', 'side': 'buy', 'price': 10, 'qty': 100}   | unknown code 'aapl'",
                "{'code': '301999', 'side': 'buy', 'price': 10, 'qty': 500} | 301999 is not trading yet (IPO)",
                "{'code': 'AAPL', 'price': 10, 'qty': 1}                    | field 'side' is required",
                "{'code': 'AAPL', 'side': 'hold', 'price': 10, 'qty': 1}    | side must be buy or sell, got 'hold'",
                "{'code': 'AAPL', 'side': 'short', 'price': 10, 'qty': 1}   | side must be buy or sell",
                "{'code': 'AAPL', 'side': 'buy', 'qty': 1}                  | price must be a positive number",
                "{'code': 'AAPL', 'side': 'buy', 'price': 0, 'qty': 1}      | price must be a positive number",
                "{'code': 'AAPL', 'side': 'buy', 'price': -1.5, 'qty': 1}   | price must be a positive number",
                "{'code': 'AAPL', 'side': 'buy', 'price': '10', 'qty': 1}   | price must be a positive number",
                "{'code': 'AAPL', 'side': 'buy', 'price': null, 'qty': 1}   | price must be a positive number",
                "{'code': 'AAPL', 'side': 'buy', 'price': 1e8, 'qty': 1}    | price must be a positive number",
                "{'code': '600519', 'side': 'buy', 'price': 10, 'qty': 150} | qty must be a multiple of the lot size 100 for 600519",
                "{'code': '600519', 'side': 'buy', 'price': 10, 'qty': 1}   | qty must be a multiple of the lot size 100",
                "{'code': 'AAPL', 'side': 'buy', 'price': 10}               | qty must be a positive whole number",
                "{'code': 'AAPL', 'side': 'buy', 'price': 10, 'qty': 0}     | qty must be a positive whole number",
                "{'code': 'AAPL', 'side': 'buy', 'price': 10, 'qty': -100}  | qty must be a positive whole number",
                "{'code': 'AAPL', 'side': 'buy', 'price': 10, 'qty': '5'}   | qty must be a positive whole number",
                "{'code': 'AAPL', 'side': 'buy', 'price': 10, 'qty': 1e30}  | qty must be a positive whole number"
            })
    void refusesAnInvalidOrderNamingWhatIsWrong(String body, String message) {
        assertThatThrownBy(() -> Tickets.order(json(body)))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"100.5", "1.5", "99.99"})
    void refusesAQuantityThatIsNotAWholeNumber(String qty) {
        assertThatThrownBy(() -> Tickets.order(order("'AAPL'", "'buy'", "10", qty)))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("qty must be a positive whole number");
        assertThatThrownBy(() -> Tickets.ipo(json("{'code': '301999', 'qty': " + qty + "}")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("qty must be a positive whole number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.001", "0.004", "0.0049"})
    void refusesAPriceThatIsZeroOnceInCents(String price) {
        assertThatThrownBy(() -> Tickets.order(order("'AAPL'", "'buy'", price, "1")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("price");
    }

    @ParameterizedTest
    @CsvSource({"10, 1000", "0.01, 1", "0.29, 29", "1.1, 110", "1688.5, 168850", "1.00, 100", "10.50, 1050"})
    void readsPricesOfAtMostTwoDecimalsExactly(String price, long cents) {
        assertThat(Tickets.order(order("'AAPL'", "'buy'", price, "1")).priceCents())
                .isEqualTo(cents);
    }

    /** 1.005 x 100 is 100.49999999999999 in doubles: rounding would be inconsistent, so such prices are refused. */
    @ParameterizedTest
    @ValueSource(strings = {"10.005", "1.005", "10.004", "0.001", "33.123"})
    void refusesPricesWithMoreThanTwoDecimalsRatherThanRounding(String price) {
        assertThatThrownBy(() -> Tickets.order(order("'AAPL'", "'buy'", price, "1")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("price must have at most two decimals");
    }

    @Test
    void readsAValidIpoSubscription() {
        IpoTicket ticket = Tickets.ipo(json("{'code': '301999', 'qty': 1500}"));

        assertThat(ticket.instrument()).isEqualTo(Instruments.openIpo());
        assertThat(ticket.instrument().code()).isEqualTo(IPO_CODE);
        assertThat(ticket.qty()).isEqualTo(1_500L);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "{'code': '600519', 'qty': 500}  | 600519 has no IPO open for subscription",
                "{'code': 'AAPL', 'qty': 1}      | AAPL has no IPO open for subscription",
                "{'qty': 500}                    | field 'code' is required",
                "{'code': 'XYZ', 'qty': 500}     | unknown code 'XYZ'",
                "{'code': '301999', 'qty': 100}  | qty must be a multiple of the lot size 500 for 301999",
                "{'code': '301999', 'qty': 0}    | qty must be a positive whole number",
                "{'code': '301999'}              | qty must be a positive whole number"
            })
    void refusesAnInvalidIpoSubscription(String body, String message) {
        assertThatThrownBy(() -> Tickets.ipo(json(body)))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining(message);
    }
}
