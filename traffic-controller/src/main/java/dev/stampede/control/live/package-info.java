/**
 * Live control: {@link dev.stampede.control.live.LiveRate} (the profile under live changes: a manual
 * rate, a multiplier, pause, a guard's cap, the ceiling; every change logged with its old and new
 * value), and the control API ({@link dev.stampede.control.live.ControlServer}: loopback by default,
 * bearer token or 401; status, rate, multiply, pause, resume, stop) with its {@link
 * dev.stampede.control.live.ControlToken}. A change refused (above the ceiling) is reported, never
 * silently clamped.
 */
package dev.stampede.control.live;
