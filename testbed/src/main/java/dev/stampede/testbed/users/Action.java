package dev.stampede.testbed.users;

/** What a user does next: one request to the chain, or leaving the app. */
public enum Action {
    LOGIN("login"),
    QUOTE("quote"),
    KLINE("kline"),
    BALANCE("balance"),
    POSITIONS("positions"),
    ORDER("order"),
    ORDER_STATUS("orderStatus"),
    CANCEL("cancel"),
    IPO("ipo"),
    /** Leaves the app; the session ends and the user comes back after an away time. */
    EXIT("exit");

    private final String jsonName;

    Action(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in behaviour files, e.g. {@code orderStatus}. */
    public String jsonName() {
        return jsonName;
    }

    /** Whether this action needs an order the user placed earlier in the session. */
    public boolean needsOrder() {
        return this == ORDER_STATUS || this == CANCEL;
    }

    /** The action named {@code name} in a behaviour file, or {@code null}. */
    static Action byJsonName(String name) {
        for (Action action : values()) {
            if (action.jsonName.equals(name)) {
                return action;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
