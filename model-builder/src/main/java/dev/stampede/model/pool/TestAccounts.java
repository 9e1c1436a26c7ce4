package dev.stampede.model.pool;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A user-supplied table of test accounts, read from CSV: a header naming at least {@code account},
 * {@code username} and {@code password} in any order (also accepted: {@code account_id}/{@code accountid}
 * for account and {@code user} for username, as the testbed's {@code --accounts-out} writes), then one
 * account per line. Other columns are kept as {@link TestAccount#extra()}; {@code phone}, {@code email}
 * and {@code idcard} columns stand in for identities of those kinds.
 *
 * <p>Every problem is an error naming file, line and field: an empty file, a missing or repeated column,
 * a line with the wrong number of fields, an empty account, user name or password, an account or user
 * name seen twice. Passwords never appear in messages.
 */
public final class TestAccounts {

    private static final Map<String, String> ALIASES = Map.of(
            "account", "account",
            "account_id", "account",
            "accountid", "account",
            "username", "username",
            "user", "username",
            "password", "password");
    private static final List<String> REQUIRED = List.of("account", "username", "password");

    private final Path file;
    private final List<TestAccount> accounts;

    private TestAccounts(Path file, List<TestAccount> accounts) {
        this.file = file;
        this.accounts = List.copyOf(accounts);
    }

    /** Reads and checks the whole file. */
    public static TestAccounts read(Path file) throws IOException {
        try (CsvReader csv = CsvReader.open(file)) {
            CsvReader.Row header = csv.next();
            if (header == null) {
                throw csv.error(0, "empty file; expected a header line account,username,password");
            }
            List<String> columns = columns(csv, header);
            List<TestAccount> accounts = new ArrayList<>();
            Map<String, Integer> accountLines = new HashMap<>();
            Map<String, Integer> userLines = new HashMap<>();
            for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                TestAccount account = account(csv, columns, row);
                unique(csv, accountLines, "account", account.account(), row.line());
                unique(csv, userLines, "username", account.username(), row.line());
                accounts.add(account);
            }
            if (accounts.isEmpty()) {
                throw csv.error(header.line(), "no accounts after the header");
            }
            return new TestAccounts(file, accounts);
        }
    }

    /** True when every account has a value to stand in for identities of {@code kind}. */
    public boolean covers(IdentityKind kind) {
        return switch (kind) {
            case ACCOUNT, USER -> true;
            case PHONE, EMAIL, NATIONAL_ID -> accounts.get(0).extra().containsKey(kind.accountColumn());
            default -> false;
        };
    }

    /** The accounts in file order. */
    public List<TestAccount> accounts() {
        return accounts;
    }

    public int size() {
        return accounts.size();
    }

    public Path file() {
        return file;
    }

    private static List<String> columns(CsvReader csv, CsvReader.Row header) throws MalformedFileException {
        List<String> columns = new ArrayList<>();
        for (CsvReader.Field field : header.fields()) {
            String name = field.text().trim().toLowerCase(Locale.ROOT);
            String column = ALIASES.getOrDefault(name, name);
            if (column.isEmpty()) {
                throw csv.error(header.line(), "column " + (columns.size() + 1) + " of the header has no name");
            }
            if (columns.contains(column)) {
                throw csv.error(header.line(), "column '" + column + "' appears twice in the header");
            }
            columns.add(column);
        }
        for (String required : REQUIRED) {
            if (!columns.contains(required)) {
                throw csv.error(
                        header.line(),
                        "missing column '" + required + "'; the header has " + String.join(",", columns)
                                + " and needs account,username,password");
            }
        }
        return columns;
    }

    private static TestAccount account(CsvReader csv, List<String> columns, CsvReader.Row row)
            throws MalformedFileException {
        if (row.fields().size() != columns.size()) {
            throw csv.error(
                    row.line(),
                    row.fields().size() + " fields, but the header has " + columns.size() + " ("
                            + String.join(",", columns) + ")");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            values.put(columns.get(i), row.text(i));
        }
        for (String required : REQUIRED) {
            if (values.get(required).isBlank()) {
                throw csv.error(row.line(), "field '" + required + "' is empty");
            }
        }
        String account = values.remove("account");
        String username = values.remove("username");
        String password = values.remove("password");
        return new TestAccount(account, username, password, values);
    }

    private static void unique(CsvReader csv, Map<String, Integer> seen, String field, String value, int line)
            throws MalformedFileException {
        Integer first = seen.putIfAbsent(value, line);
        if (first != null) {
            throw csv.error(line, "duplicate " + field + " '" + value + "' (first on line " + first + ")");
        }
    }
}
