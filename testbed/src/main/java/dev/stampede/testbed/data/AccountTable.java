package dev.stampede.testbed.data;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The generated account table: {@code size} accounts, the same for the same seed. Users are {@code
 * u000000}, {@code u000001}, ...; account ids {@code A100000}, {@code A100001}, ...; passwords are
 * random per seed, so a replay must take them from this table (it can be exported as CSV).
 */
public final class AccountTable {

    private final List<Account> accounts;
    private final Map<String, Account> byUser;
    private final Map<String, Account> byAccountId;
    private final long seed;

    private AccountTable(List<Account> accounts, long seed) {
        this.accounts = Collections.unmodifiableList(accounts);
        this.seed = seed;
        Map<String, Account> users = new HashMap<>();
        Map<String, Account> ids = new HashMap<>();
        for (Account account : accounts) {
            users.put(account.user(), account);
            ids.put(account.accountId(), account);
        }
        this.byUser = Map.copyOf(users);
        this.byAccountId = Map.copyOf(ids);
    }

    /** Generates {@code size} accounts from {@code seed}. */
    public static AccountTable generate(int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("the account table needs at least one account, got " + size);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Instrument> tradable = Instruments.tradable();
        List<Account> accounts = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String user = String.format(java.util.Locale.ROOT, "u%06d", i);
            String accountId = String.format(java.util.Locale.ROOT, "A%06d", 100_000 + i);
            String password = password(random);
            long cash = 50_000L + random.nextLong(950_000L);
            Map<String, Long> holdings = new LinkedHashMap<>();
            int positions = random.nextInt(4);
            for (int p = 0; p < positions; p++) {
                Instrument instrument = tradable.get(random.nextInt(tradable.size()));
                holdings.merge(instrument.code(), (long) instrument.lotSize() * (1 + random.nextInt(20)), Long::sum);
            }
            accounts.add(new Account(user, password, accountId, cash, Map.copyOf(holdings)));
        }
        return new AccountTable(accounts, seed);
    }

    private static String password(SplittableRandom random) {
        String alphabet = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder password = new StringBuilder(12);
        for (int c = 0; c < 12; c++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    public int size() {
        return accounts.size();
    }

    public long seed() {
        return seed;
    }

    /** The {@code index}-th account. */
    public Account get(int index) {
        return accounts.get(index);
    }

    public List<Account> all() {
        return accounts;
    }

    /** The account of login name {@code user}, or {@code null}. */
    public Account byUser(String user) {
        return user == null ? null : byUser.get(user);
    }

    /** The account with id {@code accountId}, or {@code null}. */
    public Account byAccountId(String accountId) {
        return accountId == null ? null : byAccountId.get(accountId);
    }

    /** Writes {@code user,password,account_id} lines with a header, for replays that must log in. */
    public void writeCsv(Writer out) throws IOException {
        out.write("user,password,account_id\n");
        for (Account account : accounts) {
            out.write(account.user() + "," + account.password() + "," + account.accountId() + "\n");
        }
    }
}
