package dev.stampede.model.endpoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Freeze time: turns the settled learning trie into frozen nodes, naming each slot from the classes of
 * the values it took ({@code {code}}, {@code {id}}, ... with {@code _2} for repeats), and builds the
 * endpoints every observed request belongs to.
 */
final class CatalogBuilder {

    private final TemplatingOptions options;
    /** Every learned endpoint by key (sorted, and one per key). */
    private final Map<String, Endpoint> endpoints = new TreeMap<>();

    CatalogBuilder(TemplatingOptions options) {
        this.options = options;
    }

    EndpointCatalog build(LearningNode root, List<Map<String, QueryShapes>> ruleShapes) {
        FrozenNode frozenRoot = freeze(root, "", List.of(), true);
        List<FrozenRule> rules = new ArrayList<>();
        for (int i = 0; i < options.rules().size(); i++) {
            TemplateRule rule = options.rules().get(i);
            rules.add(new FrozenRule(rule, path(rule.template(), rule.slotNames(), ruleShapes.get(i))));
        }
        return new EndpointCatalog(options, rules, frozenRoot, List.copyOf(endpoints.values()));
    }

    private FrozenNode freeze(LearningNode node, String template, List<String> slotNames, boolean root) {
        String prefix = root ? "" : template + "/";
        SegmentMap<FrozenNode> literals = new SegmentMap<>(node.literals == null ? 0 : node.literals.size());
        if (node.literals != null) {
            node.literals.forEach(
                    (key, child) -> literals.put(key, freeze(child, prefix + child.raw, slotNames, false)));
        }
        FrozenNode variable = null;
        if (node.variable != null) {
            String name = SlotNames.unique(slotNames, SlotNames.forPosition(node.variable.classHits));
            List<String> withName = new ArrayList<>(slotNames);
            withName.add(name);
            variable = freeze(node.variable, prefix + "{" + name + "}", withName, false);
        }
        PathTemplate path = path(template, slotNames, node.methods == null ? Map.of() : node.methods);
        return new FrozenNode(path, literals, variable, node.capped, node.acceptsTickers);
    }

    private PathTemplate path(String template, List<String> slotNames, Map<String, QueryShapes> methods) {
        Map<String, MethodEndpoints> byMethod = new HashMap<>();
        methods.forEach((method, shapes) -> byMethod.put(method, endpoints(method, template, slotNames, shapes)));
        return new PathTemplate(template, slotNames, byMethod);
    }

    private MethodEndpoints endpoints(String method, String template, List<String> slotNames, QueryShapes shapes) {
        Endpoint bare = shapes.bare ? learned(Endpoint.of(method, template, slotNames, List.of())) : null;
        Map<String, Endpoint> byShape = new HashMap<>();
        shapes.shapes.forEach(
                (key, names) -> byShape.put(key, learned(Endpoint.of(method, template, slotNames, names))));
        Endpoint whole = shapes.collapsed || shapes.tooManyParameters
                ? learned(Endpoint.withWholeQuery(method, template, slotNames))
                : null;
        return new MethodEndpoints(bare, Map.copyOf(byShape), shapes.collapsed, whole);
    }

    private Endpoint learned(Endpoint endpoint) {
        Endpoint existing = endpoints.putIfAbsent(endpoint.key(), endpoint);
        return existing == null ? endpoint : existing;
    }
}
