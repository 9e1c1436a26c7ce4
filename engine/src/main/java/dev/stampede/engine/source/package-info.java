/**
 * Request sources: where a run's requests come from ({@link dev.stampede.engine.source.RequestSource}:
 * one URL on a schedule, streaming replay of the record store, sessions generated from a behaviour
 * model), and what every request gets on its way out whatever its source (rewriting and full-link
 * marks: {@link dev.stampede.engine.source.RequestShaper}). Pull-based, bounded memory.
 *
 * <h2>Every source</h2>
 *
 * <ul>
 *   <li><b>Two steps, two threads.</b> {@code next} (publishing thread) decides what is sent and when and
 *       notes it in a preallocated ring slot, before the pacer waits; {@code build} (the sender: the pool's event loop, at the
 *       intended time) makes the bytes, late enough to use what earlier responses taught. A source may
 *       hold a request back ({@code build} returns null) and send it once through the {@link
 *       dev.stampede.engine.source.LateSender}; it still ends with exactly one outcome, its latency from
 *       its intended time.
 *   <li><b>Marks.</b> The test-mark header, {@code traceparent} (trace id = 64-bit hash of the run id,
 *       then the request's number + 1: {@link dev.stampede.engine.source.TraceIds}) and {@code baggage}
 *       ({@code stampede.run=<run id>}) go on every request; recorded values of these headers are never
 *       replayed. A shared template gets each request's trace written into a copy of its bytes.
 *   <li><b>Rewriting.</b> Path prefixes (first match), {@code Host}, headers set or removed; headers that
 *       belong to a connection or are computed ({@code Content-Length}, {@code Connection}...) are
 *       never replayed as recorded.
 * </ul>
 *
 * <h2>The replay source ({@link dev.stampede.engine.source.ReplaySource})</h2>
 *
 * <ul>
 *   <li><b>Two passes.</b> {@link dev.stampede.engine.source.ReplayScan} reads the store once before the
 *       run: selected records, span, busiest second (ring sizing), endpoint templates (the results'
 *       keys, as a model of the same store would name them) and the session cookies. The run then
 *       streams it again, one record at a time.
 *   <li><b>Time.</b> {@code start + (t_record - t_first) / speed}, each from its record (no drift); a
 *       loop adds one span plus a mean gap; nothing at or after the duration is sent.
 *   <li><b>Users.</b> A record is sent by {@code amplify x multiplier} users (a fraction is one more with
 *       that probability, by a seeded hash of the record's place), at the record's time.
 *   <li><b>Sessions.</b> Per user, a replayed login maps the recorded session token to the one the
 *       target gave this run ({@code SessionTokens}, bounded at four million); a request of a session
 *       whose login is unanswered waits for it; a session no replayed login created keeps its recorded
 *       token (counted). With test accounts, login bodies (JSON or form) log in as the account dealt to
 *       that user and recorded user.
 * </ul>
 *
 * <h2>The model source ({@link dev.stampede.engine.source.ModelSource})</h2>
 *
 * <ul>
 *   <li><b>Rate.</b> The source takes a request rate; sessions arrive at {@code rate / requests per
 *       session}, where requests per session is solved exactly from the transition matrix (expected
 *       visits of the absorbing chain, {@code WalkExpectations}; the model's recorded mean length only
 *       if the walk need not end), plus the share of sessions that get a login put in front. Arrivals
 *       are Poisson (seeded, exponential gaps) or uniform. The request rate reaches its target once the
 *       first sessions have run their course (about the mean session length in seconds); the source
 *       does not start with sessions already open. The live rate ({@code liveRate}: the traffic controller's, changed
 *       from any thread) is read at each {@code next()}: the pending arrival is drawn again with the
 *       new rate from the last request released (exact for a Poisson process, which is memoryless; a
 *       uniform one keeps its phase). While the publisher waits for a far-off arrival (a low rate, no
 *       session open) a change waits with it, at most one gap of the old rate; rates must stay above 0
 *       (the source must always have a next request: pausing is the run's business).
 *   <li><b>Time order.</b> Open sessions sit in a min-heap by the due time of their next request (ties
 *       by session number), next to the one pending arrival; {@code next()} takes whichever is due
 *       first, so times never decrease: every key entering the heap is at or after the last time
 *       returned.
 *   <li><b>Duration.</b> Sessions arrive only before the duration's end, and requests are sent only
 *       when due before it: the first thing due at or after the end ends the source, and the sessions
 *       still open are cut (counted in the report). Nothing is sent after the end.
 *   <li><b>Memory.</b> One small object per open session (about 100 bytes with its random stream) and
 *       the heap's slot: open sessions are about rate / requests per session x seconds per session
 *       (Little's law; {@code expectedOpenSessions}). They are capped ({@code maxOpenSessions},
 *       default one million, about 100 MB): an arrival finding the cap reached is not started and is
 *       counted ("not started").
 *   <li><b>Walk.</b> Each session has its own random stream, split from the seed by its number, so what
 *       a session does (entry, edges, think times, slot values) depends only on the seed and its
 *       number, not on the rate or on other sessions. The walk draws as the fidelity check's {@code
 *       ModelWalk} does. Think times longer than the model's session timeout are cut to it (such a gap
 *       would have ended the session in the log); a walk stops after 100,000 requests.
 *   <li><b>Slot values</b> ({@code SlotFills}): kept pool values by weight; the pool's tail share from
 *       the slot's numeric fit, else as fresh values shaped like a kept one (not spread over the kept
 *       values, which would warm caches; {@code freshTailValues} false does that instead); identity
 *       slots take the session's test account's stand-in (accounts are dealt round robin by session
 *       number, so with at least as many accounts as open sessions no two open sessions share one);
 *       secrets take its password. Values go into the path and query percent-escaped only where they
 *       must be, into a JSON body escaped or bare as the template says.
 *   <li><b>Login.</b> A model's login endpoint is found by {@code LoginRule} (a POST whose path ends in
 *       {@code /login}, {@code /signin}, {@code /auth/token} or {@code /oauth/token}) or named; a model
 *       with one refuses to run without test accounts. A session that does not start at the login
 *       gets one in front of its entry. The login's response head (its {@code ResponseListener}, on the
 *       event loop) gives the session cookie named by the model's session key ({@code cookie:NAME},
 *       else every cookie set), sent as {@code Cookie} on the session's later requests. The first
 *       request after the login waits for its answer: when the publisher reaches it (up to the run's
 *       10 ms look-ahead before its time) unanswered it is re-keyed to its give-up time ({@code
 *       loginWaitNanos} later); the answer hands the session back to the publishing thread, which
 *       re-keys it to {@code max(its due time, the last time released)} the next time it runs. That
 *       keeps times non-decreasing and never blocks the publisher; the cost is that a woken request may
 *       go up to the look-ahead and one request gap late against the answer (think times are seconds). A wait
 *       that runs out, a failed login (not 2xx, counted) and a response without the cookie (counted)
 *       let the session go on without the cookie; requests sent so are counted. Load stays what the
 *       model says whatever the target answers: failed sessions keep walking.
 * </ul>
 *
 * <h2>Threading and allocation</h2>
 *
 * {@code next} runs on the publishing thread, {@code build} on the sender thread (the ring's publication
 * orders a slot's filling before its reading), login listeners on the event loop, live-rate changes on any
 * thread. {@code next} allocates nothing for a request of an open session with kept pool values; an
 * arrival allocates its session. {@code build} encodes each request once on the heap (its path, body
 * and header bytes).
 */
package dev.stampede.engine.source;
