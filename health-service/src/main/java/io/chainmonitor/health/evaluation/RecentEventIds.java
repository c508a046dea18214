package io.chainmonitor.health.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;

/**
 * The ids of a project's most recently evaluated events, oldest first, at most {@code capacity}: a redelivered event
 * (the same id again) is recognized and not evaluated twice, which would count its samples twice.
 */
final class RecentEventIds {

    private final int capacity;
    private final SequencedSet<String> ids = new LinkedHashSet<>();

    RecentEventIds(int capacity, List<String> initial) {
        this.capacity = capacity;
        initial.forEach(this::add);
    }

    /** Adds the id; false when it was already there (a redelivery). */
    boolean add(String id) {
        if (!ids.add(id)) {
            return false;
        }
        while (ids.size() > capacity) {
            ids.removeFirst();
        }
        return true;
    }

    boolean contains(String id) {
        return ids.contains(id);
    }

    List<String> toList() {
        return new ArrayList<>(ids);
    }
}
