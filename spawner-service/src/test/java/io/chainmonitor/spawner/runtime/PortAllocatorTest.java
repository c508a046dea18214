package io.chainmonitor.spawner.runtime;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PortAllocatorTest {

    @Test
    void aPortOneRuntimeReservedIsReservedForEveryOtherRuntimeToo() {
        PortAllocator process = new PortAllocator();
        PortAllocator docker = new PortAllocator();

        Map<PortRole, Integer> ports = process.allocate(EnumSet.of(PortRole.RPC, PortRole.P2P));

        assertThat(ports).containsOnlyKeys(PortRole.RPC, PortRole.P2P);
        assertThat(ports.values()).allSatisfy(port -> assertThat(docker.isReserved(port)).isTrue());

        process.release(ports);

        assertThat(ports.values()).allSatisfy(port -> assertThat(docker.isReserved(port)).isFalse());
    }
}
