package dev.stampede.engine.source;

import dev.stampede.model.pool.TestAccount;
import java.util.random.RandomGenerator;

/**
 * Where one slot of an endpoint gets its value for a request: the data pool by weight, a numeric fit,
 * the session's test account. Values are raw: the endpoint encodes them for where they go (path, query,
 * JSON body). Called on the publishing thread with the session's random stream; a draw of a kept pool
 * value allocates nothing.
 */
@FunctionalInterface
interface SlotFill {

    /** A value for a request of a session with {@code account} (null without test accounts). */
    String draw(RandomGenerator random, TestAccount account);
}
