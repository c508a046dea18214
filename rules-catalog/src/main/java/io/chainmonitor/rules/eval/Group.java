package io.chainmonitor.rules.eval;

import java.util.Map;

/**
 * The state a rule keeps for one group (a replica, or the whole project): whether it fires, since when, and the
 * identity of its finding (labels and fingerprint, fixed when the group is made).
 */
class Group {

    final String key;
    final String replicaId;
    final Map<String, String> labels;
    final String fingerprint;
    boolean firing;
    long startsAt;
    int consecutive;
    /** The last value the rule computed (a sample, an aggregate, a change in percent), for the finding. */
    double lastValue;
    /** Height and hash of the block the group last saw, for the finding's chain reference. */
    long lastHeight = -1;
    String lastBlockHash;

    Group(String key, String replicaId, Map<String, String> labels, String fingerprint) {
        this.key = key;
        this.replicaId = replicaId;
        this.labels = labels;
        this.fingerprint = fingerprint;
    }

    /** " on replica r-1" for a replica's group, "" for the project's: for summaries. */
    String onReplica() {
        return replicaId == null ? "" : " on replica " + replicaId;
    }
}
