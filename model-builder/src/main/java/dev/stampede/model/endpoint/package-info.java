/**
 * Endpoint templating: request targets become endpoint templates with slots, e.g. {@code GET
 * /api/quote/600519?fields=px} becomes {@code GET /api/quote/{code}?fields} with the values {@code
 * 600519} and {@code px}.
 *
 * <p>Two phases. {@link dev.stampede.model.endpoint.EndpointLearner} streams the log once into a trie of
 * path segments with bounded memory; {@link dev.stampede.model.endpoint.EndpointLearner#freeze()} settles
 * it into an immutable {@link dev.stampede.model.endpoint.EndpointCatalog} whose {@code classify} gives
 * each request its {@link dev.stampede.model.endpoint.Endpoint} and slot values, including requests first
 * seen afterwards.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li><b>Segments.</b> The path is split on {@code /}, each segment percent-decoded to be classified
 *       (one char per byte). Strong values are slots wherever they appear: numbers {@code {id}}, A-share
 *       and suffixed/prefixed stock codes {@code {code}} ({@code 600519}, {@code 00700.HK}, {@code
 *       sh600519}), UUIDs {@code {uuid}}, dates {@code {date}} ({@code 2026-11-21}, {@code 20261121}),
 *       hex ids of 8+ digits mixing digits and letters {@code {hex}}, random-looking base64/base64url
 *       strings of 16+ chars and JWTs {@code {token}}. Words, versions ({@code v1}), file names
 *       ({@code app.0.js}) and the empty segment stay literal.
 *   <li><b>Evidence from the position.</b> Upper-case words ({@code AAPL}, {@code BRK.B}, but also
 *       {@code API}) are tickers only where at least {@code minTickerSiblings} (3) distinct ones share a
 *       trie position or stock codes were seen there. A position with more than {@code
 *       maxLiteralChildren} (100) distinct literals is a slot {@code {var}}: its literals merge, subtrees
 *       and all, and unseen literals there become values too; the learner stops storing children at
 *       that point, which bounds memory. A position with more than {@code rareLeafSiblings} (16)
 *       literals, at least half of them leaves seen at most twice (slugs, file names, user names), is a
 *       slot as well. Where the cap would merge real resource names, raise it or write a rule.
 *   <li><b>One trie for all methods.</b> Whether a position varies is a property of the URL space, so
 *       {@code GET}, {@code HEAD} and {@code DELETE} pool their evidence; the method is part of the
 *       endpoint, not of the trie.
 *   <li><b>Slot names</b> come from the values a position took (the most frequent class wins), so a
 *       position is one slot whatever the shape of each value; repeats get {@code _2}, {@code _3}.
 *   <li><b>User rules</b> ({@link dev.stampede.model.endpoint.TemplateRule}: {@code [METHOD] REGEX =>
 *       TEMPLATE}) are tried first, in order, against the raw path; the first match wins over detection
 *       and names the slots.
 *   <li><b>Queries.</b> Parameter names, decoded and sorted, are part of the endpoint key ({@code GET
 *       /s?page&q}); their values are slots, raw. Names are in the key because the engine builds
 *       requests per endpoint, and a fixed slot list makes that a plain fill-in. A path with more than
 *       {@code maxQueryShapes} (16) name sets for one method (cache busters, values used as names) keeps
 *       its query whole as one {@code query} slot instead (key {@code ?*}), as does any query with more
 *       than 64 parameters.
 *   <li><b>Values are raw.</b> Slot values and literal template text keep the client's percent-encoding
 *       (of two spellings of one literal the template keeps the smaller, so order does not matter).
 *   <li><b>Order does not matter.</b> The templates depend only on which requests were seen and how
 *       often, never on their order (unless the {@code maxTrieNodes} safety net acts).
 * </ul>
 *
 * <h2>Threading and allocation</h2>
 *
 * A learner is single-threaded. A catalog is immutable and may be shared by any number of threads.
 * {@code classify} scans the target once for {@code ?}, {@code #} and {@code %}, then per segment does
 * one hash lookup over the segment's chars (no substring); only a miss runs the character-scan
 * classifier, never a regex. It allocates the slot value strings and, for a query, the parameter
 * names; pass a reused {@link dev.stampede.model.endpoint.SlotValues} per thread. Regex rules run only
 * for paths that start with the rule's literal prefix.
 */
package dev.stampede.model.endpoint;
