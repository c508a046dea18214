package io.chainmonitor.reporter.query;

import java.util.List;
import java.util.function.Function;

/** One page of a listing and the cursor of the next, null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    /** The page of {@code limit} items from {@code fetched}, which holds one more item when there is a next page. */
    static <T> Page<T> of(List<T> fetched, int limit, Function<T, Cursor> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(List.copyOf(items), cursorOf.apply(items.get(limit - 1)).encode());
    }
}
