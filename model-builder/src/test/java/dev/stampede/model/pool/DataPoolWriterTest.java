package dev.stampede.model.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataPoolWriterTest {

    @TempDir
    Path dir;

    /** Simulated users of a brokerage app and the identity values their requests carried. */
    private static final class Log {
        final Map<String, ValueSketch> sketches = new TreeMap<>();
        final List<String> identities = new ArrayList<>();
        final List<String> plain = new ArrayList<>();

        Log(int users, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
            for (int u = 0; u < users; u++) {
                String phone = "1" + (3 + random.nextInt(7))
                        + String.format(Locale.ROOT, "%09d", random.nextInt(1_000_000_000));
                String id17 = String.format(
                        Locale.ROOT,
                        "%06d%04d%02d%02d%03d",
                        110101 + random.nextInt(500_000),
                        1950 + random.nextInt(50),
                        1 + random.nextInt(12),
                        1 + random.nextInt(28),
                        random.nextInt(1000));
                String nationalId = id17 + ChineseIdNumbers.checkCharacter(id17);
                String email = "user" + u + ".name@broker-" + (u % 3) + ".com.cn";
                String account = "31000" + String.format(Locale.ROOT, "%07d", u * 37 + 1);
                String username = "zhang_" + u + "_wei";
                String payload = base64.encodeToString(
                        ("{\"sub\":\"" + account + "\",\"n\":" + u + "}").getBytes(StandardCharsets.UTF_8));
                String signature = base64.encodeToString(HexFormat.of()
                        .parseHex(String.format(Locale.ROOT, "%064x", random.nextLong() & Long.MAX_VALUE)));
                String jwt = "eyJhbGciOiJIUzI1NiJ9." + payload + "." + signature;
                String session = HexFormat.of().withUpperCase().formatHex(new byte[] {
                    (byte) u, (byte) (u >> 8), 7, 9, 1, 2, 3, 4, (byte) random.nextInt(), 5, 6, 7, 8, 9, 10, 11
                });
                String password = "Pw!" + u + "x" + random.nextInt(1_000_000);
                byte[] tokenBytes = new byte[24];
                random.nextBytes(tokenBytes);
                String opaque = Base64.getUrlEncoder().encodeToString(tokenBytes);
                identities.addAll(List.of(
                        phone, nationalId, email, account, username, payload, signature, session, password, opaque));
                int requests = 1 + random.nextInt(20);
                for (int r = 0; r < requests; r++) {
                    add("GET /api/user/profile query.mobile", phone);
                    add("POST /api/kyc body.idNo", nationalId);
                    add("POST /api/kyc body.email", email);
                    add("POST /api/login body.fundAccount", account);
                    add("POST /api/login body.username", username);
                    add("POST /api/login body.password", password);
                    add("GET /api/quote header:authorization", "Bearer " + jwt);
                    add("GET /api/quote cookie:JSESSIONID", session);
                    add("GET /api/quote cookie:theme", u % 2 == 0 ? "dark" : "light,\"classic\"");
                    add("GET /api/search query.q", "contact " + phone + " or " + email);
                    add("GET /api/search query.contact", u % 2 == 0 ? phone : nationalId);
                    // Caught by its look alone, as about 9,996 random tokens in 10,000 are (see IdentityPolicyTest).
                    add("GET /api/download query.t", opaque);
                    String code = new String[] {"600519", "000001", "00700.HK", "AAPL"}[random.nextInt(4)];
                    add("POST /api/order body.code", code);
                    add("POST /api/order body.price", "1688.50");
                }
            }
            plain.addAll(List.of("600519", "000001", "00700.HK", "AAPL", "1688.50"));
        }

        private void add(String slot, String value) {
            // Room for every user's value, so any that escaped masking would be written.
            sketches.computeIfAbsent(slot, s -> new ValueSketch(1_000)).add(value);
        }
    }

    @Test
    void noIdentityValueAppearsInClearInAnyByteOfAnyFile() throws IOException {
        Log log = new Log(300, 42);
        Path pool = dir.resolve("tokens");
        new DataPoolWriter(new Masker(MaskerTest.KEY, IdentityPolicy.defaults())).write(pool, log.sketches);
        assertNoIdentityIn(pool, log);
        assertAllPresent(pool, log.plain);

        Path mapped = dir.resolve("mapped");
        TestAccounts accounts = TestAccounts.read(accountsFile(5));
        new DataPoolWriter(new Masker(MaskerTest.KEY, IdentityPolicy.defaults()))
                .withTestAccounts(accounts)
                .write(mapped, log.sketches);
        assertNoIdentityIn(mapped, log);
        assertAllPresent(mapped, List.of("T0000", "T0004", "tester0", "600519"));
    }

    @Test
    void writesTokensTestAccountsAndTailsAsDocumented() throws IOException {
        Log log = new Log(300, 43);
        DataPool written = new DataPoolWriter(new Masker(MaskerTest.KEY, IdentityPolicy.defaults()))
                .withTestAccounts(TestAccounts.read(accountsFile(4)))
                .write(dir.resolve("pool"), log.sketches);

        PoolSlot account = written.slot("POST /api/login body.fundAccount");
        assertThat(account.kind()).isEqualTo(IdentityKind.ACCOUNT);
        assertThat(account.rows())
                .extracting(PoolRow::value)
                .containsExactlyInAnyOrder("T0000", "T0001", "T0002", "T0003");
        assertThat(written.slot("POST /api/login body.username").rows())
                .extracting(PoolRow::value)
                .allMatch(v -> v.startsWith("tester"));
        assertThat(written.slot("GET /api/quote cookie:JSESSIONID").rows())
                .extracting(PoolRow::value)
                .allMatch(v -> v.matches("tok_sess_[0-9a-f]{16}"));
        assertThat(written.slot("GET /api/user/profile query.mobile").rows())
                .extracting(PoolRow::value)
                .allMatch(v -> v.matches("1[3-9][0-9]{9}"));
        PoolSlot password = written.slot("POST /api/login body.password");
        assertThat(password.file()).isNull();
        assertThat(password.rows()).isEmpty();
        assertThat(Files.list(dir.resolve("pool"))
                        .map(p -> p.getFileName().toString())
                        .filter(n -> n.contains("password")))
                .isEmpty();

        for (PoolSlot slot : written.slots()) {
            if (slot.file() != null) {
                assertThat(slot.totalWeight())
                        .as(slot.slot())
                        .isEqualTo(log.sketches.get(slot.slot()).total());
            }
        }
        assertThat(DataPoolReader.read(dir.resolve("pool")).slots()).containsExactlyElementsOf(written.slots());
        String codes = Files.readString(
                dir.resolve("pool")
                        .resolve(written.slot("POST /api/order body.code").file()),
                StandardCharsets.UTF_8);
        assertThat(codes).startsWith("value,weight\n").endsWith("\n<tail>,0\n");
    }

    @Test
    void theSameSketchesAndKeyGiveTheSameBytes() throws IOException {
        Log log = new Log(50, 44);
        new DataPoolWriter(new Masker(MaskerTest.KEY, IdentityPolicy.defaults())).write(dir.resolve("a"), log.sketches);
        new DataPoolWriter(new Masker(MaskerTest.KEY, IdentityPolicy.defaults())).write(dir.resolve("b"), log.sketches);
        for (Path file : files(dir.resolve("a"))) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(file.getFileName())))
                    .as(file.toString())
                    .isEqualTo(Files.readAllBytes(file));
        }
    }

    private Path accountsFile(int count) throws IOException {
        StringBuilder csv = new StringBuilder("account,username,password\n");
        for (int i = 0; i < count; i++) {
            csv.append(String.format(Locale.ROOT, "T%04d,tester%d,pw%d%n", i, i, i));
        }
        Path file = dir.resolve("accounts-" + count + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    private static List<Path> files(Path pool) throws IOException {
        try (Stream<Path> list = Files.list(pool)) {
            return list.sorted().toList();
        }
    }

    private static void assertNoIdentityIn(Path pool, Log log) throws IOException {
        List<Path> files = files(pool);
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            for (String identity : log.identities) {
                assertThat(indexOf(bytes, identity.getBytes(StandardCharsets.UTF_8)))
                        .as("%s holds %s in clear", file.getFileName(), identity)
                        .isEqualTo(-1);
            }
        }
    }

    private static void assertAllPresent(Path pool, List<String> values) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path file : files(pool)) {
            all.append(Files.readString(file, StandardCharsets.UTF_8));
        }
        assertThat(all.toString()).contains(values);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
