package dev.stampede.engine.source;

import dev.stampede.model.EndpointModel;
import java.util.List;
import java.util.Locale;

/**
 * Which endpoint of a model is its login. Unless one is named, the first endpoint in model order (the
 * most requested) whose method is {@code POST} and whose path template, ignoring case and a trailing
 * {@code /}, ends in {@code /login}, {@code /signin}, {@code /auth/token} or {@code /oauth/token}. The
 * name {@link ModelSourceOptions#NO_LOGIN} turns logins off (sessions then send no session cookie).
 */
final class LoginRule {

    private static final List<String> ENDINGS = List.of("/login", "/signin", "/auth/token", "/oauth/token");

    private LoginRule() {}

    /** The login's index in {@code endpoints}, or -1 for none. */
    static int find(List<EndpointModel> endpoints, String named) {
        if (ModelSourceOptions.NO_LOGIN.equals(named)) {
            return -1;
        }
        for (int i = 0; i < endpoints.size(); i++) {
            EndpointModel endpoint = endpoints.get(i);
            if (named != null ? endpoint.id().equals(named) : isLogin(endpoint)) {
                return i;
            }
        }
        if (named != null) {
            throw new IllegalArgumentException("the model has no endpoint '" + named + "' to log in with; it has "
                    + endpoints.stream().map(EndpointModel::id).toList());
        }
        return -1;
    }

    static boolean isLogin(EndpointModel endpoint) {
        if (!"POST".equals(endpoint.method())) {
            return false;
        }
        String path = endpoint.pathTemplate().toLowerCase(Locale.ROOT);
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        for (String ending : ENDINGS) {
            if (path.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }
}
