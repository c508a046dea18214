package io.chainmonitor.spawner.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.chainmonitor.spawner.project.ReplicaSettings;

/**
 * What a rollout changes, worked out from the replicas running and the project's binary and settings: per location,
 * replicas that run another binary or other extra arguments are replaced, missing ones added, surplus ones (and those
 * in locations no longer used) removed. Replacements come in the order of the settings' locations.
 *
 * @param replacements new replicas to start, each with the old one it replaces (null for an addition)
 * @param removals replicas to stop once every replacement is done
 */
record RolloutPlan(List<Replacement> replacements, List<LiveDeployment.Replica> removals) {

    /** A new replica in {@code location}, and the replica it replaces (null when it is an addition). */
    record Replacement(String location, LiveDeployment.Replica old) {
    }

    static RolloutPlan of(LiveDeployment live, String binarySha256, ReplicaSettings settings) {
        List<LiveDeployment.Replica> current = live.replicas();
        List<Replacement> replacements = new ArrayList<>();
        List<LiveDeployment.Replica> removals = new ArrayList<>();
        for (ReplicaSettings.LocationCount location : settings.locations()) {
            List<LiveDeployment.Replica> here = current.stream()
                    .filter(replica -> replica.spec().location().equals(location.name())).toList();
            List<LiveDeployment.Replica> upToDate = here.stream()
                    .filter(replica -> isCurrent(replica, binarySha256, settings)).toList();
            int kept = Math.min(upToDate.size(), location.count());
            removals.addAll(upToDate.subList(kept, upToDate.size()));
            int missing = location.count() - kept;
            for (LiveDeployment.Replica old : here) {
                if (isCurrent(old, binarySha256, settings)) {
                    continue;
                }
                if (missing > 0) {
                    replacements.add(new Replacement(location.name(), old));
                    missing--;
                } else {
                    removals.add(old);
                }
            }
            for (; missing > 0; missing--) {
                replacements.add(new Replacement(location.name(), null));
            }
        }
        Set<String> used = Set.copyOf(settings.locationNames());
        current.stream().filter(replica -> !used.contains(replica.spec().location())).forEach(removals::add);
        return new RolloutPlan(List.copyOf(replacements), List.copyOf(removals));
    }

    boolean isEmpty() {
        return replacements.isEmpty() && removals.isEmpty();
    }

    /** The plan in a few words, e.g. {@code replace 2, add 1, remove 0}. */
    String describe() {
        long replaced = replacements.stream().filter(step -> step.old() != null).count();
        return "replace " + replaced + ", add " + (replacements.size() - replaced) + ", remove " + removals.size();
    }

    private static boolean isCurrent(LiveDeployment.Replica replica, String binarySha256, ReplicaSettings settings) {
        return replica.binarySha256().equals(binarySha256) && replica.extraArgs().equals(settings.extraArgs());
    }
}
