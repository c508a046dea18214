/**
 * Strict YAML reading with positions (shared with the chain catalog) and the rule set reader and writer.
 */
package io.chainmonitor.rules.yaml;
