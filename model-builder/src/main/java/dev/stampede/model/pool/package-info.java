/**
 * The data pool: per-slot values with weights, written as CSV, with identity never in clear.
 *
 * <p><b>Sketching.</b> Each parameter slot counts its values in a {@link dev.stampede.model.pool.ValueSketch}
 * (Space-Saving, 1,000 counters by default): bounded memory whatever the log's size, exact counts while a
 * slot has fewer distinct values than counters, and error bounds after. Sketches are single-threaded and
 * mergeable.
 *
 * <p><b>Identity.</b> {@link dev.stampede.model.pool.IdentityPolicy} says which values carry identity, by
 * slot name (account, user, phone, id number, e-mail, token, session, any cookie, secrets) and by look
 * (mobile numbers, national id numbers with a valid check character, e-mails, JWTs, long random tokens).
 * {@link dev.stampede.model.pool.Masker} replaces them with HMAC-SHA256 tokens under a
 * {@link dev.stampede.model.pool.MaskingKey} the user gives or the build makes; the key is never written.
 * Tokens keep the shape class: {@code tok_acct_<16 hex>}, {@code tok_<16 hex>@mask.invalid}, and valid-looking
 * digits for phone and national id numbers. Same key and value, same token; secrets are dropped. Values of
 * ordinary slots have any identity found inside them replaced. Masking happens when a pool is written, so
 * sketches hold clear values in memory and nothing else may write them out: whoever writes sketch values
 * elsewhere (model.json) must pass them through the same masker.
 *
 * <p><b>Test accounts.</b> With {@link dev.stampede.model.pool.TestAccounts}, identities become test
 * accounts' ids, user names (or phone, e-mail, idcard columns) instead of tokens, round-robin in the order
 * they are first met ({@link dev.stampede.model.pool.TestAccountAssigner}), so a replay logs in as test users.
 * Tokens, sessions and cookies stay tokens: a replay must log in to get live ones. Secret slots have no file;
 * a replay takes passwords from the test-account file.
 *
 * <p><b>Files</b> (UTF-8, RFC 4180 quoting, LF line ends):
 *
 * <ul>
 *   <li>{@code index.csv}: header {@code slot,file,kind}; one line per slot in name order; {@code file} is
 *       empty for a secret slot; {@code kind} is the identity kind the slot's name gives it ({@code none},
 *       {@code account}, {@code user}, {@code phone}, {@code national_id}, {@code email}, {@code token},
 *       {@code session}, {@code cookie}, {@code secret}).
 *   <li>{@code <slot>.csv}: header {@code value,weight}; one line per value, heaviest first, ties by value;
 *       the weight is how many times the value was certainly seen (the sketch's guaranteed count, never an
 *       overestimate). The last line is the <b>tail row</b>: the unquoted value {@code <tail>} and the weight
 *       of every occurrence not listed above (values the sketch did not keep, the uncertain part of kept
 *       counts, and rows beyond a row limit). A real value {@code <tail>} is always written quoted, so only
 *       an unquoted {@code <tail>} is the tail. Rows' weights plus the tail weight are the slot's total. A
 *       replay should draw the tail share from values outside the list (fresh values or tokens), not spread
 *       it over the listed ones, or it would make caches look warmer than production. A file without a tail
 *       row reads as tail 0, so a hand-written pool needs none.
 *   <li>File names come from slot names: letters, digits, {@code .-_} kept, other runs made {@code _},
 *       collisions (ignoring case) resolved with {@code -2}, {@code -3}...; see {@code FileNames}.
 * </ul>
 *
 * <p>Not on a hot path: writing and reading happen once per model. {@link dev.stampede.model.pool.Masker}
 * and the sketches are single-threaded; policies, keys and pools read back are immutable.
 */
package dev.stampede.model.pool;
