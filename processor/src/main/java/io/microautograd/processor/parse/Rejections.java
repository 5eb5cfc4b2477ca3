package io.microautograd.processor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The rejections found while reading one method, in the order they were found. Reading goes on
 * after each, as javac's does, so that one compile reports every unsupported construct of the
 * method; a construct with a rejected part is given up ({@link Abandoned}) without further
 * messages, and so is any later use of a name whose declaration was rejected.
 */
final class Rejections {

    /**
     * Gives up the construct being read because a part of it was rejected, or because it uses a
     * name whose declaration was: the rejection is already recorded, so nothing more is said.
     */
    static final class Abandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super(null, null, false, false);
        }
    }

    private final List<Rejection> found = new ArrayList<>();

    /** Records a rejection. */
    void add(Rejection rejection) {
        found.add(rejection);
    }

    /** The rejections so far. */
    List<Rejection> all() {
        return List.copyOf(found);
    }

    /** Whether nothing was rejected. */
    boolean isEmpty() {
        return found.isEmpty();
    }

    /**
     * Reads a part of a construct: its value, or null when the part was rejected (the rejection
     * recorded) or given up.
     */
    <T> T attempt(Supplier<T> part) {
        try {
            return part.get();
        } catch (Rejection rejection) {
            found.add(rejection);
        } catch (Abandoned abandoned) {
            // Its cause is recorded already.
        }
        return null;
    }

    /** Reads a part that yields nothing; false when it was rejected or given up. */
    boolean attempt(Runnable part) {
        return attempt(() -> {
            part.run();
            return Boolean.TRUE;
        }) != null;
    }

    /**
     * Reads every part, each whatever became of the others, and gives up the construct when any
     * was rejected.
     */
    <P, T> List<T> each(List<? extends P> parts, java.util.function.Function<P, T> reader) {
        List<T> read = new ArrayList<>(parts.size());
        boolean whole = true;
        for (P part : parts) {
            T value = attempt(() -> reader.apply(part));
            whole &= value != null;
            read.add(value);
        }
        if (!whole) {
            throw new Abandoned();
        }
        return read;
    }
}
