/**
 * The gateway tier: {@code POST /api/login} against the generated account table, sessions shared by
 * every gateway instance ({@link dev.stampede.testbed.gateway.SessionStore}, cookie {@code SESSION} or
 * {@code Authorization: Bearer}), 401 without a valid session, routing by path prefix ({@link
 * dev.stampede.testbed.gateway.ApiRoutes}), and passing on the test mark and {@code traceparent} (a
 * new trace when none came in). The gateway alone sets {@code X-Account-Id}; a client's is replaced.
 */
package dev.stampede.testbed.gateway;
