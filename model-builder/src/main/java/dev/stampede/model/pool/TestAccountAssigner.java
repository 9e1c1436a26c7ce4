package dev.stampede.model.pool;

import java.util.HashMap;
import java.util.Map;

/**
 * Gives each identity a test account: round-robin in the order identities are first seen, so n
 * identities spread over k accounts with at most one more on any account than on another, and the same
 * identity always gets the same account. Identities are keyed by {@link Masker#fingerprint}, so a value
 * keeps its account in every slot.
 *
 * <p>Deterministic when identities are offered in a deterministic order; {@link DataPoolWriter} offers
 * slots by name and each slot's values by descending weight, so the heaviest real users land on
 * different test accounts. Not thread-safe.
 */
public final class TestAccountAssigner {

    private final TestAccounts accounts;
    private final Map<String, Integer> assigned = new HashMap<>();

    public TestAccountAssigner(TestAccounts accounts) {
        this.accounts = accounts;
    }

    /** The account for the identity with this fingerprint. */
    public TestAccount assign(String fingerprint) {
        Integer index = assigned.get(fingerprint);
        if (index == null) {
            index = assigned.size() % accounts.size();
            assigned.put(fingerprint, index);
        }
        return accounts.accounts().get(index);
    }

    /** How many distinct identities have an account so far. */
    public int identities() {
        return assigned.size();
    }
}
