package dev.stampede.testbed.metrics;

import java.util.function.LongSupplier;

/**
 * A single-series metric family whose value is read from its owner when scraped, such as the trading
 * core's queue depth.
 *
 * @param name metric name, already validated
 * @param help HELP text
 * @param type {@link ExpositionWriter#COUNTER} or {@link ExpositionWriter#GAUGE}
 * @param value called once per scrape, on the scraping thread
 */
record SampledFamily(String name, String help, String type, LongSupplier value) {
    void render(ExpositionWriter out) {
        out.family(name, help, type);
        out.sample(name).value(value.getAsLong());
    }
}
