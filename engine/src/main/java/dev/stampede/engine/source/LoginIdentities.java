package dev.stampede.engine.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stampede.model.pool.TestAccount;
import dev.stampede.model.pool.TestAccountAssigner;
import dev.stampede.model.pool.TestAccounts;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Logs replayed users in as test accounts: a recorded login's body (JSON object, or a form) has its
 * user name field ({@code user}, {@code username}, {@code userName}, {@code login}, {@code loginName},
 * {@code account}) and password field ({@code password}, {@code passwd}, {@code pwd}) replaced by the
 * account assigned to that replayed user and recorded user, round-robin over the accounts and the same
 * for the whole run. Bodies without both fields are sent as recorded. Sender thread only.
 */
final class LoginIdentities {

    private static final List<String> USER_FIELDS = List.of("user", "username", "login", "loginname", "account");
    private static final List<String> PASSWORD_FIELDS = List.of("password", "passwd", "pwd");

    private final TestAccountAssigner assigner;
    private final ObjectMapper json = new ObjectMapper();
    private long replaced;

    LoginIdentities(TestAccounts accounts) {
        this.assigner = new TestAccountAssigner(accounts);
    }

    /** The body a login of replayed user {@code user} sends; the recorded body when it has no user and password. */
    byte[] body(byte[] recorded, int user) {
        if (recorded == null || recorded.length == 0) {
            return recorded;
        }
        byte[] result = recorded[0] == '{' ? jsonBody(recorded, user) : formBody(recorded, user);
        if (result != recorded) {
            replaced++;
        }
        return result;
    }

    /** Login bodies given a test account. */
    long replaced() {
        return replaced;
    }

    private byte[] jsonBody(byte[] recorded, int user) {
        JsonNode tree;
        try {
            tree = json.readTree(recorded);
        } catch (IOException notJson) {
            return recorded;
        }
        if (!(tree instanceof ObjectNode object)) {
            return recorded;
        }
        String userField = field(object, USER_FIELDS);
        String passwordField = field(object, PASSWORD_FIELDS);
        if (userField == null || passwordField == null) {
            return recorded;
        }
        TestAccount account = assigner.assign(user + "#" + object.get(userField).asText());
        object.put(userField, account.username());
        object.put(passwordField, account.password());
        try {
            return json.writeValueAsBytes(object);
        } catch (IOException e) {
            return recorded;
        }
    }

    private static String field(ObjectNode object, List<String> names) {
        var it = object.fieldNames();
        while (it.hasNext()) {
            String name = it.next();
            if (names.contains(name.toLowerCase(Locale.ROOT))
                    && object.get(name).isValueNode()) {
                return name;
            }
        }
        return null;
    }

    private byte[] formBody(byte[] recorded, int user) {
        String form = new String(recorded, StandardCharsets.ISO_8859_1);
        String[] pairs = form.split("&", -1);
        int userAt = -1;
        int passwordAt = -1;
        for (int i = 0; i < pairs.length; i++) {
            int eq = pairs[i].indexOf('=');
            if (eq <= 0) {
                return recorded; // not a form
            }
            String name = pairs[i].substring(0, eq).toLowerCase(Locale.ROOT);
            if (userAt < 0 && USER_FIELDS.contains(name)) {
                userAt = i;
            } else if (passwordAt < 0 && PASSWORD_FIELDS.contains(name)) {
                passwordAt = i;
            }
        }
        if (userAt < 0 || passwordAt < 0) {
            return recorded;
        }
        String recordedUser =
                URLDecoder.decode(pairs[userAt].substring(pairs[userAt].indexOf('=') + 1), StandardCharsets.UTF_8);
        TestAccount account = assigner.assign(user + "#" + recordedUser);
        pairs[userAt] = pairs[userAt].substring(0, pairs[userAt].indexOf('=') + 1)
                + URLEncoder.encode(account.username(), StandardCharsets.UTF_8);
        pairs[passwordAt] = pairs[passwordAt].substring(0, pairs[passwordAt].indexOf('=') + 1)
                + URLEncoder.encode(account.password(), StandardCharsets.UTF_8);
        return String.join("&", pairs).getBytes(StandardCharsets.ISO_8859_1);
    }
}
