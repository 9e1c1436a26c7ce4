package dev.stampede.model.pool;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in vocabulary of identity names. A name is read as words ({@link NameWords}); each word and
 * each pair of neighbouring words run together ({@code id_no} -> {@code idno}, {@code national id} ->
 * {@code nationalid}) is looked up. The last word or pair that matches decides the kind, as the head noun
 * of a compound comes last in English ({@code userPhone} is a phone, {@code accountPassword} a secret),
 * except that a secret anywhere makes the name a secret. A name whose last word only qualifies another
 * ({@code user-agent}, {@code accountType}, {@code token_type}, {@code sessionTimeout}) is not identity;
 * a name with the word {@code cookie} always is.
 */
final class NameRules {

    private static final Map<String, IdentityKind> WORDS = new HashMap<>();

    /** Last words that describe a property of the identity rather than the identity itself. */
    private static final Set<String> QUALIFIERS = Set.of(("type types kind agent level lvl status state mode model os"
                    + " version ver count cnt size len length flag enabled disabled verified valid expires expiry"
                    + " expire expired exp timeout ttl time date ts timestamp at format fmt lang language locale"
                    + " category class group role roles limit max min page sort platform device app brand vendor"
                    + " network carrier width height screen region area province city zone tz theme style color"
                    + " channel source prefix")
            .split(" "));

    static {
        words(IdentityKind.SECRET, "password passwd pwd passcode passphrase secret pin otp privatekey jymm zjmm txmm");
        words(
                IdentityKind.TOKEN,
                "token auth authorization bearer apikey accesskey ticket jwt oauth credential credentials csrf xsrf");
        words(IdentityKind.SESSION, "session sessionid sid sess jsessionid phpsessid aspsessionid");
        words(IdentityKind.COOKIE, "cookie cookies setcookie");
        words(
                IdentityKind.ACCOUNT,
                "account acct accountid accno acctno accountno custid customer cust custno khh zjzh gddm gdzh");
        words(
                IdentityKind.USER,
                "user username userid uid login loginid loginname nickname realname fullname member memberid"
                        + " openid unionid");
        words(IdentityKind.PHONE, "phone mobile tel telephone cellphone msisdn mobileno sjh sjhm");
        words(
                IdentityKind.NATIONAL_ID,
                "idcard idno idnumber idnum nationalid ssn sfz sfzh sfzhm certno certid certnum passport zjhm");
        words(IdentityKind.EMAIL, "email mail emailaddress");
    }

    private NameRules() {}

    private static void words(IdentityKind kind, String words) {
        for (String word : words.split(" ")) {
            WORDS.put(word, kind);
        }
    }

    static IdentityKind kindOf(String name) {
        List<String> words = NameWords.split(NameWords.parameterPart(name));
        IdentityKind kind = IdentityKind.NONE;
        IdentityKind lastOther = IdentityKind.NONE;
        boolean cookie = false;
        boolean secret = false;
        for (int i = 0; i < words.size(); i++) {
            IdentityKind word = WORDS.getOrDefault(words.get(i), IdentityKind.NONE);
            if (i > 0) {
                IdentityKind pair = WORDS.getOrDefault(words.get(i - 1) + words.get(i), IdentityKind.NONE);
                word = pair.isIdentity() ? pair : word;
            }
            cookie |= word == IdentityKind.COOKIE;
            secret |= word == IdentityKind.SECRET;
            if (word.isIdentity()) {
                kind = word;
                lastOther = word == IdentityKind.COOKIE ? lastOther : word;
            }
        }
        boolean qualified = !words.isEmpty()
                && QUALIFIERS.contains(words.get(words.size() - 1))
                && !WORDS.containsKey(words.get(words.size() - 1));
        if (cookie) {
            return lastOther.isIdentity() && !qualified ? lastOther : IdentityKind.COOKIE;
        }
        if (qualified) {
            return IdentityKind.NONE;
        }
        return secret ? IdentityKind.SECRET : kind;
    }
}
