/**
 * The pure-Java rule evaluator: one project's rule set over its events, deterministic, bounded and resumable from a snapshot.
 */
package io.chainmonitor.rules.eval;
