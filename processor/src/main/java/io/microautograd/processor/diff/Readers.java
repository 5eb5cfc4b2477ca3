package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For each source variable, the source statements whose reverse code reads it. An overwritten
 * value is kept only when such a reader may run while it is current.
 */
final class Readers {

    private final Map<Variable, List<Stmt>> readers = new HashMap<>();
    private final Set<Stmt.If> decisions = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private SourcePositions positions;

    void record(Stmt statement, Set<Variable> variables) {
        for (Variable v : variables) {
            readers.computeIfAbsent(v, k -> new ArrayList<>()).add(statement);
        }
    }

    void recordDecision(Stmt.If statement) {
        decisions.add(statement);
    }

    /** Whether the reverse sweep read the decision of an if statement. */
    boolean readsDecision(Stmt.If statement) {
        return decisions.contains(statement);
    }

    /** Uses the statements' positions to answer {@link #readBefore}. */
    Readers at(SourcePositions sourcePositions) {
        this.positions = sourcePositions;
        return this;
    }

    /** Whether a reader of {@code v} may need the value that {@code site} overwrites. */
    boolean readBefore(Variable v, Stmt site) {
        for (Stmt reader : readers.getOrDefault(v, List.of())) {
            if (positions.readsBefore(reader, site)) {
                return true;
            }
        }
        return false;
    }

    /** The same readers as another round's: the differentiation has settled. */
    boolean sameAs(Readers other) {
        if (!readers.keySet().equals(other.readers.keySet()) || !decisions.equals(other.decisions)) {
            return false;
        }
        for (Map.Entry<Variable, List<Stmt>> entry : readers.entrySet()) {
            List<Stmt> mine = entry.getValue();
            List<Stmt> theirs = other.readers.get(entry.getKey());
            if (mine.size() != theirs.size()) {
                return false;
            }
            for (int i = 0; i < mine.size(); i++) {
                if (mine.get(i) != theirs.get(i)) {
                    return false;
                }
            }
        }
        return true;
    }
}
