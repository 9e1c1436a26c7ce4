/**
 * The Netty HTTP client: HTTP/1.1 keep-alive pools, HTTP/2 (h2, h2c), TLS with SNI, timeouts, request
 * rewriting and full-link marks. Rules: runs on Netty event loops only; pooled buffers with a matching
 * release for every retain; request bytes pre-encoded per template. Status: arrives with issue #6.
 */
package dev.stampede.engine.http;
