package io.chainmonitor.spawner.runtime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NodeAddressingTest {

    @Test
    void aLocalProcessBindsAndPeersOnLoopback() {
        assertThat(NodeAddressing.LOOPBACK.fill("-bind={bindHost}:19444")).isEqualTo("-bind=127.0.0.1:19444");
        assertThat(NodeAddressing.LOOPBACK.fill("-rpcallowip={rpcAllowFrom}")).isEqualTo("-rpcallowip=127.0.0.1");
        assertThat(NodeAddressing.LOOPBACK.fill("-addnode=" + NodeAddressing.replicaHostToken("r-2") + ":19444"))
                .isEqualTo("-addnode=127.0.0.1:19444");
    }

    @Test
    void eachPeerTokenIsFilledWithItsOwnReplicasHostAndOtherTextIsLeftAlone() {
        NodeAddressing pods = new NodeAddressing("0.0.0.0", "0.0.0.0/0", replica -> "cm-p-" + replica + ".ns.svc");

        assertThat(pods.fill("{replicaHost:r-2}:1,{replicaHost:r-3}:2 $1 {dataDir}"))
                .isEqualTo("cm-p-r-2.ns.svc:1,cm-p-r-3.ns.svc:2 $1 {dataDir}");
    }
}
