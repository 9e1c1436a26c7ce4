/**
 * Live control: the loopback-only, token-protected control API (status, rate, multiply, pause, resume,
 * stop) and the event record of every change. Status: arrives with issue #7.
 */
package dev.stampede.control.live;
