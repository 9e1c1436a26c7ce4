package dev.stampede.model.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdentityPolicyTest {

    private final IdentityPolicy policy = IdentityPolicy.defaults();

    @Test
    void namesThatCarryIdentity() {
        Map<String, IdentityKind> golden = Map.ofEntries(
                Map.entry("account", IdentityKind.ACCOUNT),
                Map.entry("acct", IdentityKind.ACCOUNT),
                Map.entry("accountId", IdentityKind.ACCOUNT),
                Map.entry("fund_account", IdentityKind.ACCOUNT),
                Map.entry("khh", IdentityKind.ACCOUNT),
                Map.entry("user", IdentityKind.USER),
                Map.entry("username", IdentityKind.USER),
                Map.entry("userId", IdentityKind.USER),
                Map.entry("USER_ID", IdentityKind.USER),
                Map.entry("uid", IdentityKind.USER),
                Map.entry("phone", IdentityKind.PHONE),
                Map.entry("mobile", IdentityKind.PHONE),
                Map.entry("tel", IdentityKind.PHONE),
                Map.entry("userPhone", IdentityKind.PHONE),
                Map.entry("idcard", IdentityKind.NATIONAL_ID),
                Map.entry("id_no", IdentityKind.NATIONAL_ID),
                Map.entry("national id", IdentityKind.NATIONAL_ID),
                Map.entry("nationalId", IdentityKind.NATIONAL_ID),
                Map.entry("ssn", IdentityKind.NATIONAL_ID),
                Map.entry("email", IdentityKind.EMAIL),
                Map.entry("e_mail", IdentityKind.EMAIL),
                Map.entry("token", IdentityKind.TOKEN),
                Map.entry("access_token", IdentityKind.TOKEN),
                Map.entry("auth", IdentityKind.TOKEN),
                Map.entry("header:Authorization", IdentityKind.TOKEN),
                Map.entry("X-Auth-Token", IdentityKind.TOKEN),
                Map.entry("session", IdentityKind.SESSION),
                Map.entry("sessionid", IdentityKind.SESSION),
                Map.entry("JSESSIONID", IdentityKind.SESSION),
                Map.entry("cookie:JSESSIONID", IdentityKind.SESSION),
                Map.entry("cookie:theme", IdentityKind.COOKIE),
                Map.entry("cookie.lang", IdentityKind.COOKIE),
                Map.entry("header:cookie", IdentityKind.COOKIE),
                Map.entry("password", IdentityKind.SECRET),
                Map.entry("pwd", IdentityKind.SECRET),
                Map.entry("client_secret", IdentityKind.SECRET),
                Map.entry("accountPassword", IdentityKind.SECRET),
                Map.entry("jymm", IdentityKind.SECRET),
                Map.entry("POST /api/login body.account", IdentityKind.ACCOUNT),
                Map.entry("GET /api/users/{userId}", IdentityKind.USER),
                Map.entry("POST /api/order national id", IdentityKind.NATIONAL_ID));
        golden.forEach(
                (name, kind) -> assertThat(policy.kindOfName(name)).as(name).isEqualTo(kind));
    }

    @Test
    void namesThatDoNot() {
        for (String name : new String[] {
            "id",
            "code",
            "stockCode",
            "price",
            "qty",
            "side",
            "page",
            "header:User-Agent",
            "user-agent",
            "accountType",
            "token_type",
            "sessionTimeout",
            "email_verified",
            "mobileModel",
            "passport_type",
            "GET /api/user/info query.code",
            "POST /api/account/{}/order body.price",
            "market",
            "name",
            "date"
        }) {
            assertThat(policy.kindOfName(name)).as(name).isEqualTo(IdentityKind.NONE);
        }
    }

    @Test
    void overridesWinOverTheBuiltInRules() {
        IdentityPolicy custom = policy.withName("custNo", IdentityKind.ACCOUNT).withName("user", IdentityKind.NONE);
        assertThat(custom.kindOfName("query.custNo")).isEqualTo(IdentityKind.ACCOUNT);
        assertThat(custom.kindOfName("user")).isEqualTo(IdentityKind.NONE);
        assertThat(custom.kindOfName("username")).isEqualTo(IdentityKind.USER);
    }

    @Test
    void valuesThatCarryIdentity() {
        Map<String, IdentityKind> golden = Map.ofEntries(
                Map.entry("13812345678", IdentityKind.PHONE),
                Map.entry("19912345678", IdentityKind.PHONE),
                Map.entry("+8613812345678", IdentityKind.PHONE),
                Map.entry("11010519491231002X", IdentityKind.NATIONAL_ID),
                Map.entry("11010519491231002x", IdentityKind.NATIONAL_ID),
                Map.entry("440301199003078512", IdentityKind.NATIONAL_ID),
                Map.entry("zhang.san@example.com", IdentityKind.EMAIL),
                Map.entry("li%40corp.cn", IdentityKind.EMAIL),
                Map.entry(
                        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
                        IdentityKind.TOKEN),
                Map.entry("Zx8fQ2mL9vR4tB7nK1pW3sY6hD0gJ5cA", IdentityKind.TOKEN));
        golden.forEach(
                (value, kind) -> assertThat(policy.kindOfValue(value)).as(value).isEqualTo(kind));
    }

    @Test
    void valuesThatDoNot() {
        for (String value : new String[] {
            "600519",
            "000001",
            "00700.HK",
            "AAPL",
            "1688.50",
            "100",
            "12.34",
            "2024-03-01",
            "09:30:00",
            "1712345678901",
            "1712345678",
            "12345678901", // 12 is not a mobile prefix
            "110105194912310021", // check character wrong (X expected)
            "123456789012345678", // 18 digits, no valid date
            "110105199913320018", // month 13
            "550e8400-e29b-41d4-a716-446655440000",
            "d41d8cd98f00b204e9800998ecf8427e",
            "BUY",
            "limit",
            "ThisIsALongCamelCaseIdentifierName",
            "",
            "13812345678901",
            "user@localhost"
        }) {
            assertThat(policy.kindOfValue(value)).as(value).isEqualTo(IdentityKind.NONE);
        }
    }

    @Test
    void catchesAlmostEveryRandomTokenAndNoIdentifiers() {
        SplittableRandom random = new SplittableRandom(17);
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        Base64.Encoder base64 = Base64.getEncoder();
        int tries = 100_000;
        int missed = 0;
        for (int i = 0; i < tries; i++) {
            byte[] bytes = new byte[18 + random.nextInt(32)];
            random.nextBytes(bytes);
            String token = (i % 2 == 0 ? base64url : base64).encodeToString(bytes);
            missed += policy.kindOfValue(token) == IdentityKind.TOKEN ? 0 : 1;
        }
        System.out.printf(Locale.ROOT, "random tokens missed by value: %d of %d%n", missed, tries);
        assertThat(missed).isLessThan(tries / 1_000);
        for (String identifier : new String[] {
            "ThisIsALongCamelCaseIdentifierName", "QueryStockPositionDetailList", "getUserInfoV2ByAccountId2024",
            "/api/v1/users/12345/orders/67890", "SubscribeNewStockIpoApplication", "com.broker.trade.OrderService",
            "MARKET_OPEN_AUCTION_PHASE_2024", "d41d8cd98f00b204e9800998ecf8427e00000000",
                    "550E8400-E29B-41D4-A716-446655440000"
        }) {
            assertThat(policy.kindOfValue(identifier)).as(identifier).isEqualTo(IdentityKind.NONE);
        }
    }

    @Test
    void theCheckCharacterIsIso7064Mod112() {
        assertThat(ChineseIdNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ChineseIdNumbers.checkCharacter("44030119900307851")).isEqualTo('2');
        int valid = 0;
        for (int last = 0; last <= 10; last++) {
            String candidate = "44030119900307851" + (last == 10 ? "X" : Integer.toString(last));
            valid += ChineseIdNumbers.isValid(candidate) ? 1 : 0;
        }
        assertThat(valid).as("exactly one check character fits").isEqualTo(1);
    }

    @Test
    void aPhoneShapedAccountKeepsItsShapeAndASecretNameWinsOverEverything() {
        assertThat(policy.classify("account", "13812345678")).isEqualTo(IdentityKind.PHONE);
        assertThat(policy.classify("account", "A100042")).isEqualTo(IdentityKind.ACCOUNT);
        assertThat(policy.classify("password", "13812345678")).isEqualTo(IdentityKind.SECRET);
        assertThat(policy.classify("q", "13812345678")).isEqualTo(IdentityKind.PHONE);
        assertThat(policy.classify("code", "600519")).isEqualTo(IdentityKind.NONE);
        assertThat(policy.classify("userId", "")).isEqualTo(IdentityKind.NONE);
    }

    @Test
    void namesSplitIntoWords() {
        assertThat(NameWords.split("X-Auth-Token")).containsExactly("x", "auth", "token");
        assertThat(NameWords.split("userID")).containsExactly("user", "id");
        assertThat(NameWords.split("XMLHttpRequest")).containsExactly("xml", "http", "request");
        assertThat(NameWords.split("JSESSIONID")).containsExactly("jsessionid");
        assertThat(NameWords.split("phone2")).containsExactly("phone", "2");
        assertThat(NameWords.split("__a..b__")).containsExactly("a", "b");
    }
}
