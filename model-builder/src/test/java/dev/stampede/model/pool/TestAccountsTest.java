package dev.stampede.model.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestAccountsTest {

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path file = dir.resolve("accounts.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsAccountsWithExtraColumnsInAnyOrder() throws IOException {
        TestAccounts accounts = TestAccounts.read(file(
                "\uFEFFpassword,Account,username,phone\r\n\"p,1\",T001,tester1,13900000001\r\n\r\np2,T002,tester2,\n"));
        assertThat(accounts.accounts())
                .containsExactly(
                        new TestAccount("T001", "tester1", "p,1", Map.of("phone", "13900000001")),
                        new TestAccount("T002", "tester2", "p2", Map.of("phone", "")));
        assertThat(accounts.covers(IdentityKind.PHONE)).isTrue();
        assertThat(accounts.covers(IdentityKind.EMAIL)).isFalse();
        assertThat(accounts.accounts().get(0).toString()).doesNotContain("p,1").contains("password hidden");
    }

    @Test
    void readsTheTestbedsAccountTable() throws IOException {
        TestAccounts accounts = TestAccounts.read(file("user,password,account_id\nu000001,pw1,A100001\n"));
        assertThat(accounts.accounts()).containsExactly(new TestAccount("A100001", "u000001", "pw1", Map.of()));
    }

    @Test
    void badFilesAreErrorsNamingFileLineAndField() throws IOException {
        assertError("", ":0: empty file; expected a header line account,username,password");
        assertError("account,username\nT1,u1\n", ":1: missing column 'password'");
        assertError("account,username,password,account_id\n", ":1: column 'account' appears twice");
        assertError("account,username,password\n", ":1: no accounts after the header");
        assertError("account,username,password\nT1,u1,p1\nT2,u2\n", ":3: 2 fields, but the header has 3");
        assertError("account,username,password\nT1,u1,p1\n,u2,p2\n", ":3: field 'account' is empty");
        assertError("account,username,password\nT1,u1,\n", ":2: field 'password' is empty");
        assertError(
                "account,username,password\nT1,u1,p1\nT2,u2,p2\nT1,u3,secret9\n",
                ":4: duplicate account 'T1' (first on line 2)");
        assertError("account,username,password\nT1,u1,p1\nT2,u1,p2\n", ":3: duplicate username 'u1'");
        assertError("account,username,password\nT1,u1,\"p1\nT2,u2,p2\n", ":2: a quoted field is not closed");
        assertError("account,username,password\nT1,u\"1,p1\n", ":2: a quote inside an unquoted field");
        assertError("account,username,password\nT1,\"u1\"x,p1\n", ":2: text after a closing quote");
    }

    @Test
    void invalidUtf8IsAnError() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, new byte[] {'a', 'c', 'c', 'o', 'u', 'n', 't', '\n', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> TestAccounts.read(file))
                .hasMessageContaining("latin1.csv:")
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void passwordsNeverAppearInErrors() throws IOException {
        Path file = file("account,username,password\nT1,u1,hunter2\nT1,u2,hunter3\n");
        assertThatThrownBy(() -> TestAccounts.read(file)).message().doesNotContain("hunter");
    }

    @Test
    void identitiesSpreadEvenlyAndStayOnTheirAccount() throws IOException {
        StringBuilder csv = new StringBuilder("account,username,password\n");
        for (int i = 0; i < 7; i++) {
            csv.append("T")
                    .append(i)
                    .append(",tester")
                    .append(i)
                    .append(",pw")
                    .append(i)
                    .append('\n');
        }
        TestAccountAssigner assigner = new TestAccountAssigner(TestAccounts.read(file(csv.toString())));
        Masker masker = new Masker(MaskerTest.KEY, IdentityPolicy.defaults());
        Map<String, Integer> perAccount = new HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            TestAccount account = assigner.assign(masker.fingerprint("A" + i));
            perAccount.merge(account.account(), 1, Integer::sum);
            assertThat(assigner.assign(masker.fingerprint("A" + i))).isSameAs(account);
        }
        assertThat(perAccount).hasSize(7);
        assertThat(perAccount.values()).allSatisfy(n -> assertThat(n).isBetween(142, 143));
        assertThat(assigner.identities()).isEqualTo(1_000);
        assertThat(assigner.assign(masker.fingerprint("A0")).account()).isEqualTo("T0");
        assertThat(assigner.assign(masker.fingerprint("A1")).account()).isEqualTo("T1");
    }

    private void assertError(String text, String message) throws IOException {
        Path file = file(text);
        assertThatThrownBy(() -> TestAccounts.read(file))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(message);
    }
}
