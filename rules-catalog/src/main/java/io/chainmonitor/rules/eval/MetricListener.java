package io.chainmonitor.rules.eval;

/** What a metric sample goes to: a rule reading that metric. */
interface MetricListener {

    /** One sample that matched the rule's selector; {@code blockHash} may be null. */
    void sample(String replicaId, long time, long height, String blockHash, double value);
}
