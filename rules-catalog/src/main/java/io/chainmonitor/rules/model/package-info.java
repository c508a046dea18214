/**
 * The rule model: rule sets, threshold, percentage-change, on/off and composite rules, windows, the metric vocabulary and the rule set errors. See {@code docs/rules.md}.
 */
package io.chainmonitor.rules.model;
