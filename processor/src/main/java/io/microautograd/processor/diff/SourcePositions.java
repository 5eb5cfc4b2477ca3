package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Stmt;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Where each source statement is: its order in the method and the loops around it. */
final class SourcePositions {

    private record Position(int order, List<Stmt.Loop> loops) {
    }

    private final Map<Stmt, Position> positions = new IdentityHashMap<>();

    static SourcePositions of(Function function) {
        SourcePositions p = new SourcePositions();
        p.visit(function.body(), new ArrayList<>());
        return p;
    }

    private void visit(Stmt s, List<Stmt.Loop> loops) {
        positions.put(s, new Position(positions.size(), List.copyOf(loops)));
        List<Stmt.Loop> inner = loops;
        if (s instanceof Stmt.Loop loop) {
            inner = new ArrayList<>(loops);
            inner.add(loop);
        }
        for (Stmt child : IrWalk.children(s)) {
            visit(child, inner);
        }
    }

    /**
     * Whether the reverse sweep of {@code reader} may run while the value {@code site}
     * overwrote is current: the reader comes first (or is the site itself), or a loop encloses
     * both, so a later iteration's reader meets it.
     */
    boolean readsBefore(Stmt reader, Stmt site) {
        Position r = positions.get(reader);
        Position s = positions.get(site);
        if (r == null || s == null || r.order() <= s.order()) {
            return true;
        }
        return r.loops().stream().anyMatch(loop -> s.loops().stream().anyMatch(other -> other == loop));
    }
}
