package dev.stampede.model.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MaskerTest {

    static final MaskingKey KEY = MaskingKey.ofPassphrase("a test key of enough length");

    private final Masker masker = new Masker(KEY, IdentityPolicy.defaults());

    @Test
    void theHashIsHmacSha256() {
        // RFC 4231 test case 1: key 0x0b x 20, data "Hi There".
        byte[] key = new byte[20];
        Arrays.fill(key, (byte) 0x0b);
        Masker rfc = new Masker(MaskingKey.of(key), IdentityPolicy.defaults());
        assertThat(rfc.fingerprint("Hi There")).isEqualTo("b0344c61d8db3853");
        assertThat(rfc.token(IdentityKind.ACCOUNT, "Hi There")).isEqualTo("tok_acct_b0344c61d8db3853");
    }

    @Test
    void sameKeyAndValueGiveTheSameTokenAnotherKeyAnotherToken() {
        Masker again = new Masker(MaskingKey.ofPassphrase("a test key of enough length"), IdentityPolicy.defaults());
        Masker other = new Masker(MaskingKey.ofPassphrase("another key, also long enough"), IdentityPolicy.defaults());
        for (String value : new String[] {"A100042", "13812345678", "11010519491231002X", "a@b.cn", "JSID123"}) {
            assertThat(again.mask("account", value)).isEqualTo(masker.mask("account", value));
            assertThat(other.mask("account", value)).isNotEqualTo(masker.mask("account", value));
            assertThat(masker.mask("account", value)).doesNotContain(value);
        }
        assertThat(masker.fingerprint("A100042")).isNotEqualTo(masker.fingerprint("A100043"));
        assertThat(masker.mask("query.acct", "A100042")).isEqualTo(masker.mask("body.accountId", "A100042"));
    }

    @Test
    void tokensKeepTheShapeClass() {
        assertThat(masker.mask("accountId", "A100042")).matches("tok_acct_[0-9a-f]{16}");
        assertThat(masker.mask("username", "zhangsan")).matches("tok_user_[0-9a-f]{16}");
        assertThat(masker.mask("cookie:JSESSIONID", "8F3A")).matches("tok_sess_[0-9a-f]{16}");
        assertThat(masker.mask("cookie:theme", "dark")).matches("tok_cookie_[0-9a-f]{16}");
        assertThat(masker.mask("authorization", "Bearer abc")).matches("tok_token_[0-9a-f]{16}");
        assertThat(masker.mask("q", "zhang.san@example.com")).matches("tok_[0-9a-f]{16}@mask\\.invalid");

        String phone = masker.mask("mobile", "13812345678");
        assertThat(phone).matches("1[3-9][0-9]{9}").isNotEqualTo("13812345678");
        assertThat(IdentityPolicy.defaults().kindOfValue(phone)).isEqualTo(IdentityKind.PHONE);

        String id = masker.mask("idNo", "11010519491231002X");
        assertThat(ChineseIdNumbers.isValid(id)).as(id).isTrue();
        assertThat(id).isNotEqualTo("11010519491231002X");
    }

    @Test
    void formatPreservingTokensStayApartOnManyValues() {
        Set<String> phones = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            phones.add(masker.token(IdentityKind.PHONE, "1380000" + i));
            String id = masker.token(IdentityKind.NATIONAL_ID, "id" + i);
            assertThat(ChineseIdNumbers.isValid(id)).as(id).isTrue();
            ids.add(id);
        }
        assertThat(phones).hasSize(20_000);
        assertThat(ids).hasSize(20_000);
    }

    @Test
    void secretsAreDroppedAndPlainValuesKept() {
        assertThat(masker.mask("password", "hunter2")).isNull();
        assertThat(masker.mask("body.jymm", "123456")).isNull();
        assertThat(masker.mask("code", "600519")).isEqualTo("600519");
        assertThat(masker.mask("price", "1688.50")).isEqualTo("1688.50");
        assertThat(masker.mask("userId", "")).isEmpty();
    }

    @Test
    void identitiesInsideOrdinaryValuesAreReplacedInPlace() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        String text = "call +86 13812345678 or mail li@corp.cn, id 11010519491231002X, jwt " + jwt + " stock 600519";
        String scrubbed = masker.mask("q", text);
        assertThat(scrubbed)
                .doesNotContain("13812345678", "li@corp.cn", "11010519491231002X", "eyJzdWIiOiIxMjM0In0")
                .startsWith("call +86 1")
                .contains(" or mail tok_", "@mask.invalid, id ", ", jwt tok_token_", " stock 600519");
        assertThat(masker.scrub("no identity here")).isEqualTo("no identity here");
    }

    @Test
    void theKeyIsNeverShownAndMustBeLongEnough() {
        MaskingKey key = MaskingKey.random(new SecureRandom());
        assertThat(key.toString()).doesNotContain(new String(key.bytes(), StandardCharsets.ISO_8859_1));
        assertThat(KEY.toString()).isEqualTo("MaskingKey[27 bytes, hidden]");
        assertThatThrownBy(() -> MaskingKey.ofPassphrase("short")).hasMessageContaining("at least 16 bytes");
        assertThat(MaskingKey.random(new SecureRandom())).isNotEqualTo(key);
    }
}
