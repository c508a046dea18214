package io.chainmonitor.spawner.project;

import java.util.List;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * How many replicas of a project's node run, where, and with which extra node arguments.
 *
 * @param total the number of replicas; the locations' counts add up to it
 * @param locations each configured location used, with its number of replicas
 * @param extraArgs arguments appended to the chain type's node launch template
 * @param network the chain network the replicas join ({@code main}, {@code test}, {@code regtest}, … as the chain
 *        type allows); {@code null} is the chain type's default network. It cannot change once the project exists
 */
public record ReplicaSettings(
        @NotNull @Positive Integer total,
        @NotEmpty @Size(max = 32) List<@NotNull @Valid LocationCount> locations,
        @Size(max = 64) List<@NotNull @Size(max = 512) String> extraArgs,
        @Size(max = 32) String network) {

    public ReplicaSettings {
        extraArgs = extraArgs == null ? List.of() : extraArgs;
    }

    /** Settings on the chain type's default network. */
    public ReplicaSettings(Integer total, List<LocationCount> locations, List<String> extraArgs) {
        this(total, locations, extraArgs, null);
    }

    /** A location's name and the number of replicas it runs. */
    public record LocationCount(@NotBlank @Size(max = 64) String name, @NotNull @Positive Integer count) {
    }

    /** The location names, in order. */
    public List<String> locationNames() {
        return locations.stream().map(LocationCount::name).toList();
    }
}
