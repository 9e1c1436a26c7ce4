package dev.stampede.testbed.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountTableTest {

    private static final AccountTable TABLE = AccountTable.generate(500, 42L);

    @Test
    void theSameSeedGivesTheSameTable() {
        AccountTable again = AccountTable.generate(500, 42L);

        assertThat(again.all()).isEqualTo(TABLE.all());
        assertThat(again.seed()).isEqualTo(42L);
        for (int i = 0; i < TABLE.size(); i++) {
            Account a = TABLE.get(i);
            Account b = again.get(i);
            assertThat(b.user()).isEqualTo(a.user());
            assertThat(b.password()).isEqualTo(a.password());
            assertThat(b.accountId()).isEqualTo(a.accountId());
            assertThat(b.startingCash()).isEqualTo(a.startingCash());
            assertThat(b.holdings()).isEqualTo(a.holdings());
        }
    }

    @Test
    void aSmallerTableIsAPrefixOfALargerOneWithTheSameSeed() {
        assertThat(AccountTable.generate(10, 42L).all()).isEqualTo(TABLE.all().subList(0, 10));
    }

    @Test
    void anotherSeedGivesOtherPasswords() {
        AccountTable other = AccountTable.generate(500, 43L);

        assertThat(other.get(0).user()).isEqualTo(TABLE.get(0).user());
        for (int i = 0; i < TABLE.size(); i++) {
            assertThat(other.get(i).password())
                    .as("password of account %d", i)
                    .isNotEqualTo(TABLE.get(i).password());
        }
        assertThat(other.all()).isNotEqualTo(TABLE.all());
    }

    @Test
    void usersAndAccountIdsAreNumberedInOrder() {
        assertThat(TABLE.size()).isEqualTo(500);
        assertThat(TABLE.get(0).user()).isEqualTo("u000000");
        assertThat(TABLE.get(0).accountId()).isEqualTo("A100000");
        assertThat(TABLE.get(42).user()).isEqualTo("u000042");
        assertThat(TABLE.get(42).accountId()).isEqualTo("A100042");
        assertThat(TABLE.get(499).user()).isEqualTo("u000499");
        assertThat(TABLE.get(499).accountId()).isEqualTo("A100499");
        assertThat(TABLE.all()).allSatisfy(account -> {
            assertThat(account.user()).matches("u[0-9]{6}");
            assertThat(account.accountId()).matches("A[0-9]{6}");
        });
    }

    @Test
    void passwordsAreTwelveUnambiguousCharactersAndMostlyDistinct() {
        Set<String> passwords = TABLE.all().stream().map(Account::password).collect(Collectors.toSet());

        assertThat(passwords).hasSize(TABLE.size());
        assertThat(passwords).allSatisfy(password -> assertThat(password).matches("[a-hj-km-np-zA-HJ-NP-Z2-9]{12}"));
    }

    @Test
    void startingCashIsWithinTheGeneratedRange() {
        assertThat(TABLE.all())
                .allSatisfy(account -> assertThat(account.startingCash()).isBetween(50_000L, 999_999L));
        assertThat(TABLE.all().stream().map(Account::startingCash).distinct().count())
                .isGreaterThan(400);
    }

    @Test
    void looksUpAccountsByUserAndById() {
        Account account = TABLE.get(123);

        assertThat(TABLE.byUser("u000123")).isSameAs(account);
        assertThat(TABLE.byAccountId("A100123")).isSameAs(account);
        assertThat(TABLE.all()).allSatisfy(a -> {
            assertThat(TABLE.byUser(a.user())).isSameAs(a);
            assertThat(TABLE.byAccountId(a.accountId())).isSameAs(a);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"u000500", "u999999", "", "U000000", "A100000", "unknown"})
    void anUnknownUserHasNoAccount(String user) {
        assertThat(TABLE.byUser(user)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A100500", "A099999", "", "a100000", "u000000"})
    void anUnknownAccountIdHasNoAccount(String accountId) {
        assertThat(TABLE.byAccountId(accountId)).isNull();
    }

    @Test
    void nullLooksUpNothing() {
        assertThat(TABLE.byUser(null)).isNull();
        assertThat(TABLE.byAccountId(null)).isNull();
    }

    @Test
    void holdingsAreOnlyTradableInstrumentsInWholeLots() {
        Set<String> held = new HashSet<>();
        for (Account account : TABLE.all()) {
            assertThat(account.holdings()).hasSizeLessThanOrEqualTo(3);
            account.holdings().forEach((code, qty) -> {
                Instrument instrument = Instruments.byCode(code);
                assertThat(instrument).as(code).isNotNull();
                assertThat(instrument.ipo()).as("%s is the IPO", code).isFalse();
                assertThat(qty).isPositive();
                assertThat(qty % instrument.lotSize()).as("%s x %d", code, qty).isZero();
            });
            held.addAll(account.holdings().keySet());
        }

        assertThat(held).doesNotContain(Instruments.openIpo().code());
        assertThat(held).hasSizeGreaterThan(10);
        assertThat(TABLE.all()).anyMatch(account -> account.holdings().isEmpty());
        assertThat(TABLE.all()).anyMatch(account -> !account.holdings().isEmpty());
    }

    @Test
    void theTableCannotBeChanged() {
        assertThatThrownBy(() -> TABLE.all().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> TABLE.get(0).holdings().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void writesACsvWithAHeaderAndOneLinePerAccount() throws IOException {
        AccountTable table = AccountTable.generate(3, 7L);
        StringWriter out = new StringWriter();

        table.writeCsv(out);

        List<String> lines = out.toString().lines().toList();
        assertThat(out.toString()).endsWith("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("user,password,account_id");
        for (int i = 0; i < 3; i++) {
            Account account = table.get(i);
            assertThat(lines.get(i + 1))
                    .isEqualTo(account.user() + "," + account.password() + "," + account.accountId());
        }
        assertThat(lines.get(3)).startsWith("u000002,").endsWith(",A100002");
    }

    @Test
    void aLargeTableWritesOneLinePerAccount() throws IOException {
        StringWriter out = new StringWriter();

        TABLE.writeCsv(out);

        assertThat(out.toString().lines().count()).isEqualTo(501);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void rejectsAnEmptyTable(int size) {
        assertThatThrownBy(() -> AccountTable.generate(size, 42L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one account, got " + size);
    }
}
