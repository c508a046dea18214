package io.chainmonitor.spawner.project;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of a project update: the settings that may change after creation. */
record ProjectUpdate(
        @NotBlank @Size(max = Project.MAX_NAME_LENGTH) String name,
        @NotNull @Valid ReplicaSettings replicas) {
}
