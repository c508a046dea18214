package io.chainmonitor.health.evaluation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedSet;
import java.util.Set;

/**
 * The projects of the partitions this instance holds: loaded lazily from the store, marked when they change (to be
 * saved at the next checkpoint) or are deleted, and the ids found unknown remembered (bounded) so that a stream of
 * events of an unknown project does not ask the database each time.
 */
final class ProjectRegistry {

    private static final int UNKNOWN_CACHE = 10_000;

    private final EvaluationStore store;
    private final ProjectStateCodec states;
    private final Map<String, ProjectState> projects = new HashMap<>();
    private final Set<String> changed = new HashSet<>();
    private final Set<String> deleted = new HashSet<>();
    private final SequencedSet<String> unknown = new LinkedHashSet<>();

    ProjectRegistry(EvaluationStore store, ProjectStateCodec states) {
        this.store = store;
        this.states = states;
    }

    /** The project's state, or null for a project never created or deleted. */
    ProjectState find(String projectId) {
        ProjectState state = projects.get(projectId);
        if (state != null || unknown.contains(projectId) || deleted.contains(projectId)) {
            return state;
        }
        state = store.load(projectId).map(states::read).orElse(null);
        if (state != null) {
            projects.put(projectId, state);
        }
        return state;
    }

    void add(ProjectState state) {
        projects.put(state.projectId(), state);
        unknown.remove(state.projectId());
        deleted.remove(state.projectId());
        changed.add(state.projectId());
    }

    void changed(String projectId) {
        changed.add(projectId);
    }

    void delete(String projectId) {
        projects.remove(projectId);
        changed.remove(projectId);
        deleted.add(projectId);
        rememberUnknown(projectId);
    }

    /** Remembers an unknown project; true when it was not known to be unknown yet. */
    boolean rememberUnknown(String projectId) {
        if (!unknown.add(projectId)) {
            return false;
        }
        if (unknown.size() > UNKNOWN_CACHE) {
            unknown.removeFirst();
        }
        return true;
    }

    /** The rows of the projects changed since the last checkpoint. */
    List<StoredProject> changedRows() {
        return changed.stream().map(projects::get).filter(Objects::nonNull).map(states::write).toList();
    }

    Set<String> deleted() {
        return deleted;
    }

    /** After a checkpoint: nothing is pending any more. */
    void saved() {
        changed.clear();
        deleted.clear();
    }

    /** Another instance may have created projects meanwhile: ask the store again. */
    void forgetUnknown() {
        unknown.clear();
    }

    /** The partitions went elsewhere: forget every project. */
    void clear() {
        projects.clear();
        changed.clear();
        deleted.clear();
        unknown.clear();
    }
}
