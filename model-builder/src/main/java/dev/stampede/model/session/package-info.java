/**
 * Sessions: {@link dev.stampede.model.session.SessionKey} (which field names a session, with fallbacks
 * and ip+ua last), {@link dev.stampede.model.session.Sessionizer} (cuts a time-ordered stream by key and
 * idle timeout, bounded open sessions, recency-ordered expiry) and {@link
 * dev.stampede.model.session.SessionStats} (entries, the transition matrix with exits, think times per
 * edge and per endpoint, fitted with the {@code stats} package; the fit quality is recorded).
 *
 * <p>Rule: the end of the log is not an exit. A session open when the log ends counts as an exit only
 * with the probability that it had exited, given how long it had been idle and the think times seen
 * after its last endpoint. Single-threaded.
 */
package dev.stampede.model.session;
