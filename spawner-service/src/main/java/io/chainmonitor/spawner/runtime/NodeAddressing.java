package io.chainmonitor.spawner.runtime;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chainmonitor.rules.chain.Placeholder;

/**
 * How a runtime makes its replicas reachable, filled into launch arguments when it starts one: the address the node
 * binds ({@code {bindHost}}), who may call its RPC ({@code {rpcAllowFrom}}), and the host under which another replica
 * of the deployment is reached for peering ({@link #replicaHostToken(String)}, written by the planner, which does not
 * know the runtime).
 *
 * @param replicaHost the host of another replica, by replica id
 */
public record NodeAddressing(String bindHost, String rpcAllowFrom, UnaryOperator<String> replicaHost) {

    /** A local process, or a container on the host's network: everything on loopback. */
    public static final NodeAddressing LOOPBACK = new NodeAddressing(RunningReplica.LOOPBACK, RunningReplica.LOOPBACK,
            replica -> RunningReplica.LOOPBACK);

    private static final Pattern REPLICA_HOST = Pattern.compile("\\{replicaHost:([A-Za-z0-9._-]+)}");

    /** What the planner writes where a peer replica's host goes; the runtime fills it in. */
    public static String replicaHostToken(String replicaId) {
        return "{replicaHost:" + replicaId + "}";
    }

    /** The argument with the runtime's addresses filled in. */
    public String fill(String argument) {
        String result = argument.replace(Placeholder.BIND_HOST.token(), bindHost)
                .replace(Placeholder.RPC_ALLOW_FROM.token(), rpcAllowFrom);
        Matcher peers = REPLICA_HOST.matcher(result);
        return peers.replaceAll(match -> Matcher.quoteReplacement(replicaHost.apply(match.group(1))));
    }
}
