package dev.stampede.model.endpoint;

import java.util.List;

/**
 * A classified request: its endpoint and the raw slot values, in the order of {@link Endpoint#slots()}.
 *
 * @param endpoint the endpoint template the request belongs to
 * @param values one raw value per slot (percent-encoding kept)
 */
public record EndpointMatch(Endpoint endpoint, List<String> values) {

    public EndpointMatch {
        values = List.copyOf(values);
        if (values.size() != endpoint.slots().size()) {
            throw new IllegalArgumentException(
                    values.size() + " values for the " + endpoint.slots().size() + " slots of " + endpoint.key());
        }
    }

    /** The value of the slot named {@code slotName}. */
    public String value(String slotName) {
        List<Slot> slots = endpoint.slots();
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).name().equals(slotName)) {
                return values.get(i);
            }
        }
        throw new IllegalArgumentException("no slot '" + slotName + "' in " + endpoint.key());
    }
}
