package io.chainmonitor.spawner.project;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of a project creation. */
record ProjectRequest(
        @NotBlank @Size(max = Project.MAX_NAME_LENGTH) String name,
        @NotBlank @Size(max = 64) String chainType,
        @NotNull @Valid ReplicaSettings replicas) {
}
