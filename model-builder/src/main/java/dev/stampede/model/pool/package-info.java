/**
 * The data pool: per-parameter values with weights, written as CSV; identity-bearing values (account
 * ids, phone and national id numbers, tokens, cookies) are masked or tokenised with a keyed hash and
 * never written in clear. Status: arrives with issue #5.
 */
package dev.stampede.model.pool;
