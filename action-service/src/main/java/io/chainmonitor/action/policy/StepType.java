package io.chainmonitor.action.policy;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The action types a step may name, with the parameters each one takes. */
public enum StepType {
    /** A signed advisory webhook and/or email to each partner of the project. */
    INFORM_PARTNERS("inform-partners", Set.of("partners", "measures")),
    /** A JSON POST to a user-given URL, SSRF-checked. */
    HTTP_CALL("http-call", Set.of("url")),
    /** Blocks the finding's {@code source} peer at the wire listener for {@code duration}. */
    BLOCK_SOURCE("block-source", Set.of("duration")),
    /** Isolates the finding's replica through the wire listener. */
    ISOLATE_REPLICA("isolate-replica", Set.of()),
    /** Calls an EVM contract function (such as {@code pause()}) from a keystore signer, simulated first, spend-capped. */
    CONTRACT_CALL("contract-call",
            Set.of("rpcUrl", "contract", "function", "arguments", "gasLimit", "maxSpendWei", "signer")),
    /** Restarts the finding's replica (or {@code replica}) in place through the spawner. */
    RESTART_REPLICA("restart-replica", Set.of("replica")),
    /** Raises the project's replicas by {@code by} (default 1), never above {@code max}, through the spawner. */
    RAISE_REPLICAS("raise-replicas", Set.of("by", "max"));

    private final String wireName;
    private final Set<String> parameters;

    StepType(String wireName, Set<String> parameters) {
        this.wireName = wireName;
        this.parameters = parameters;
    }

    public String wireName() {
        return wireName;
    }

    Set<String> parameters() {
        return parameters;
    }

    public static Optional<StepType> fromWire(String value) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(value)).findFirst();
    }
}
