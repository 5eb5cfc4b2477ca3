package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Variable;
import java.util.HashSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What one round of differentiation found its reverse code reading: for each source statement,
 * the source variables its reverse code reads, and the if statements whose decisions the reverse
 * sweep reads. The next round keeps an overwritten value only where {@link ToBeRecorded} finds,
 * from these reads, a reader that may need it.
 */
final class ReadsByStatement {

    private final Map<Stmt, Set<Variable>> reads = new HashMap<>();
    private final Set<Stmt.If> decisions = new HashSet<>();
    private ToBeRecorded toBeRecorded;

    void record(Stmt statement, Set<Variable> variables) {
        reads.computeIfAbsent(statement, k -> new HashSet<>()).addAll(variables);
    }

    void recordDecision(Stmt.If statement) {
        decisions.add(statement);
    }

    /** Whether the reverse sweep read the decision of an if statement. */
    boolean readsDecision(Stmt.If statement) {
        return decisions.contains(statement);
    }

    /** Analyses which values of {@code function} these reads require, to answer {@link #mustRecord}. */
    ReadsByStatement analysed(Function function) {
        this.toBeRecorded = ToBeRecorded.of(function.body(), reads);
        return this;
    }

    /** Whether a reader of {@code v} may need the value that {@code site} overwrites. */
    boolean mustRecord(Variable v, Stmt site) {
        return toBeRecorded.mustRecord(v, site);
    }

    /** The same reads as another round's: the differentiation has settled. */
    boolean sameAs(ReadsByStatement other) {
        return reads.equals(other.reads) && decisions.equals(other.decisions);
    }
}
