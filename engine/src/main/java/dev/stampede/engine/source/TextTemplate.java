package dev.stampede.engine.source;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A template text cut at its placeholders, once: literal parts around slot indices. A placeholder is
 * {@code open + name + close} ({@code {code}} in a path template, {@code {{body.qty}}} in a body
 * template); one whose name is not a slot stays literal text. For bodies, a placeholder between double
 * quotes is a string value ({@link #quoted}). Immutable.
 */
final class TextTemplate {

    /** The literal parts: one more than the slots. */
    final String[] literals;
    /** The slot index of each placeholder. */
    final int[] slots;
    /** Whether each placeholder stands between double quotes. */
    final boolean[] quoted;

    private TextTemplate(List<String> literals, List<Integer> slots) {
        this.literals = literals.toArray(new String[0]);
        this.slots = slots.stream().mapToInt(Integer::intValue).toArray();
        this.quoted = new boolean[this.slots.length];
        for (int i = 0; i < quoted.length; i++) {
            quoted[i] = this.literals[i].endsWith("\"") && this.literals[i + 1].startsWith("\"");
        }
    }

    /**
     * @param slotIndex the slot index of a placeholder's name, or -1 when it names no slot
     */
    static TextTemplate parse(String text, String open, String close, ToIntFunction<String> slotIndex) {
        List<String> literals = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int at = 0;
        while (at < text.length()) {
            int start = text.indexOf(open, at);
            int end = start < 0 ? -1 : text.indexOf(close, start + open.length());
            if (end < 0) {
                literal.append(text, at, text.length());
                break;
            }
            int slot = slotIndex.applyAsInt(text.substring(start + open.length(), end));
            if (slot < 0) {
                literal.append(text, at, start + open.length());
                at = start + open.length();
                continue;
            }
            literal.append(text, at, start);
            literals.add(literal.toString());
            literal.setLength(0);
            slots.add(slot);
            at = end + close.length();
        }
        literals.add(literal.toString());
        return new TextTemplate(literals, slots);
    }
}
