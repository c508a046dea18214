package io.chainmonitor.spawner.deployment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.chainmonitor.rules.chain.ChainCatalog;
import io.chainmonitor.spawner.project.ReplicaSettings;
import io.chainmonitor.spawner.project.ReplicaSettings.LocationCount;
import io.chainmonitor.spawner.runtime.PortRole;
import io.chainmonitor.spawner.runtime.ReplicaKey;
import io.chainmonitor.spawner.runtime.ReplicaSpec;

import static org.assertj.core.api.Assertions.assertThat;

class RolloutPlanTest {

    private static final String OLD = "a".repeat(64);
    private static final String NEW = "b".repeat(64);
    private static final UUID PROJECT = UUID.fromString("7d0c0000-0000-4000-8000-000000000001");

    @Test
    void aNewBinaryReplacesEveryReplicaInPlaceOfItsLocation() {
        LiveDeployment live = deployment(OLD, "a:r-1", "a:r-2", "b:r-3");

        RolloutPlan plan = RolloutPlan.of(live, NEW, settings(List.of(), "a", 2, "b", 1));

        assertThat(plan.replacements()).extracting(step -> step.location() + "<-" + step.old().id())
                .containsExactly("a<-r-1", "a<-r-2", "b<-r-3");
        assertThat(plan.removals()).isEmpty();
        assertThat(plan.describe()).isEqualTo("replace 3, add 0, remove 0");
    }

    @Test
    void theSameBinaryAndArgumentsChangeNothing() {
        LiveDeployment live = deployment(OLD, "a:r-1", "b:r-2");

        assertThat(RolloutPlan.of(live, OLD, settings(List.of(), "a", 1, "b", 1)).isEmpty()).isTrue();
    }

    @Test
    void moreReplicasAreAddedAndFewerRemovedWithoutTouchingTheCurrentOnes() {
        LiveDeployment live = deployment(OLD, "a:r-1", "b:r-2", "b:r-3", "c:r-4");

        RolloutPlan plan = RolloutPlan.of(live, OLD, settings(List.of(), "a", 3, "b", 1));

        assertThat(plan.replacements()).extracting(step -> step.location() + "<-" + step.old())
                .containsExactly("a<-null", "a<-null");
        assertThat(plan.removals()).extracting(LiveDeployment.Replica::id).containsExactly("r-3", "r-4");
    }

    @Test
    void changedExtraArgumentsReplaceReplicasAndSurplusOutdatedOnesAreRemoved() {
        LiveDeployment live = deployment(OLD, "a:r-1", "a:r-2");

        RolloutPlan plan = RolloutPlan.of(live, OLD, settings(List.of("-txindex=1"), "a", 1));

        assertThat(plan.replacements()).extracting(step -> step.old().id()).containsExactly("r-1");
        assertThat(plan.removals()).extracting(LiveDeployment.Replica::id).containsExactly("r-2");
    }

    private static LiveDeployment deployment(String sha, String... replicas) {
        LiveDeployment live = new LiveDeployment(PROJECT, ChainCatalog.builtIn().require("anvil"), sha,
                settings(List.of(), "a", 1));
        for (String replica : replicas) {
            String[] parts = replica.split(":");
            live.add(new LiveDeployment.Replica(new ReplicaSpec(new ReplicaKey(PROJECT.toString(), parts[1]), "anvil",
                    parts[0], Path.of("node"), List.of(), Map.of(), null, Set.of(PortRole.RPC), null), sha, List.of()));
        }
        return live;
    }

    private static ReplicaSettings settings(List<String> extraArgs, Object... locations) {
        List<LocationCount> counts = new java.util.ArrayList<>();
        int total = 0;
        for (int i = 0; i < locations.length; i += 2) {
            counts.add(new LocationCount((String) locations[i], (Integer) locations[i + 1]));
            total += (Integer) locations[i + 1];
        }
        return new ReplicaSettings(total, counts, extraArgs);
    }
}
