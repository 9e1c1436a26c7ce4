package dev.stampede.model.build;

import dev.stampede.model.arrival.ArrivalOptions;
import dev.stampede.model.endpoint.TemplatingOptions;
import dev.stampede.model.pool.MaskingKey;
import dev.stampede.model.pool.TestAccounts;
import dev.stampede.model.session.SessionOptions;

/**
 * Everything a model build needs besides the store: how endpoints are templated (and the user's
 * rules), how sessions are cut, the peak window, the seed of every random choice (reservoirs), the key
 * that tokenises identities, and optionally the test accounts identities map onto.
 */
public record ModelOptions(
        TemplatingOptions templating,
        SessionOptions sessions,
        ArrivalOptions arrivals,
        long seed,
        MaskingKey maskingKey,
        TestAccounts testAccounts) {

    public ModelOptions withSessions(SessionOptions value) {
        return new ModelOptions(templating, value, arrivals, seed, maskingKey, testAccounts);
    }

    public ModelOptions withTemplating(TemplatingOptions value) {
        return new ModelOptions(value, sessions, arrivals, seed, maskingKey, testAccounts);
    }

    public ModelOptions withArrivals(ArrivalOptions value) {
        return new ModelOptions(templating, sessions, value, seed, maskingKey, testAccounts);
    }

    public ModelOptions withTestAccounts(TestAccounts value) {
        return new ModelOptions(templating, sessions, arrivals, seed, maskingKey, value);
    }
}
