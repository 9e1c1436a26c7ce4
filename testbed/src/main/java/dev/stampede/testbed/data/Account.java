package dev.stampede.testbed.data;

import java.util.Map;

/**
 * A customer account of the simulated broker.
 *
 * @param user login name, e.g. {@code u000042}
 * @param password login password
 * @param accountId brokerage account id, e.g. {@code A100042}
 * @param startingCash cash at the start of the day
 * @param holdings starting positions, code to quantity
 */
public record Account(String user, String password, String accountId, long startingCash, Map<String, Long> holdings) {}
