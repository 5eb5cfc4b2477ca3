package io.microautograd.processor.diff;

import io.microautograd.processor.ir.SourceVisitor;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which overwritten values the reverse sweep needs: a forward data-flow analysis over the source
 * body, Tapenade's "to be recorded" analysis. A variable's value becomes required at a statement
 * whose reverse code reads it, and stays required until the next statement that overwrites it.
 * That statement keeps the old value (in a local, or on the tape in loops) and restores it in the
 * reverse sweep; the variable is then no longer required, so later overwrites before the next
 * reader need keep nothing. The reverse sweep meets those later overwrites first and leaves the
 * variable as they left it, which no reader sees: the restoring statement comes before any of
 * them in the reverse sweep's order.
 *
 * <p>This is what keeps an accumulator like {@code z += w[i] * x[i]} off the tape when only the
 * finished sum is read (say by {@code tanh(z)}): its one restore sits at {@code z}'s next
 * reset. Loops are analysed to a fixed point, with values required at the end of an iteration
 * flowing back to its start, and branches join their paths. Three cases never release a value:
 * arrays (a store replaces one element), an integer moved by a constant that the reverse sweep
 * moves back instead of restoring (it reads the value after the move), and what a loop's
 * reversed header reads, required throughout the loop. Arrays that may share storage
 * ({@link ArrayAliases}) count as one: reading {@code r[0]} for {@code r = m[i]} requires the
 * elements a store into {@code m[i][0]} overwrites.
 */
final class ToBeRecorded {

    /** The values required where a break or continue leaves a loop's iteration. */
    private static final class Exits {
        final Set<Variable> breaks = new HashSet<>();
        final Set<Variable> continues = new HashSet<>();
    }

    /** What each statement's reverse code reads, each array as the representative of its alias class. */
    private final Map<Stmt, Set<Variable>> reads;
    private final ArrayAliases aliases;
    private final Map<Stmt, Set<Variable>> requiredAt = new HashMap<>();
    private final Deque<Exits> loops = new ArrayDeque<>();
    private Set<Variable> pinned = Set.of();

    private ToBeRecorded(Map<Stmt, Set<Variable>> reads, ArrayAliases aliases) {
        this.aliases = aliases;
        this.reads = new HashMap<>();
        reads.forEach((statement, variables) -> {
            Set<Variable> canonical = new HashSet<>();
            variables.forEach(v -> canonical.add(canonical(v)));
            this.reads.put(statement, canonical);
        });
    }

    /**
     * The analysis of a body.
     *
     * @param reads for each source statement, the variables its reverse code reads
     */
    static ToBeRecorded of(Stmt.Block body, Map<Stmt, Set<Variable>> reads) {
        ToBeRecorded analysis = new ToBeRecorded(reads, ArrayAliases.of(body));
        analysis.statement(body, new HashSet<>(), false);
        return analysis;
    }

    /**
     * Whether the value of {@code v} that {@code site} overwrites may be read by the reverse
     * sweep, the site's own reverse code included. Sites the analysis never reached say yes.
     */
    boolean mustRecord(Variable v, Stmt site) {
        Set<Variable> required = requiredAt.get(site);
        return required == null || required.contains(canonical(v));
    }

    private Set<Variable> statement(Stmt s, Set<Variable> in, boolean inLoop) {
        return s.accept(new SourceVisitor<Set<Variable>>() {
            @Override
            public Set<Variable> assign(Stmt.Assign a) {
                return ToBeRecorded.this.assign(a, in, inLoop);
            }

            @Override
            public Set<Variable> store(Stmt.Store store) {
                note(store, in);
                return flowing(in, readsOf(store));
            }

            @Override
            public Set<Variable> block(Stmt.Block block) {
                return sequence(block.statements(), in, inLoop);
            }

            @Override
            public Set<Variable> ifStatement(Stmt.If i) {
                Set<Variable> out = statement(i.thenBlock(), in, inLoop);
                out.addAll(statement(i.elseBlock(), in, inLoop));
                return out;
            }

            @Override
            public Set<Variable> loop(Stmt.Loop loop) {
                return ToBeRecorded.this.loop(loop, in, inLoop);
            }

            @Override
            public Set<Variable> breakStatement(Stmt.Break b) {
                loops.element().breaks.addAll(in);
                return new HashSet<>();
            }

            @Override
            public Set<Variable> continueStatement(Stmt.Continue c) {
                loops.element().continues.addAll(in);
                return new HashSet<>();
            }

            @Override
            public Set<Variable> returnStatement(Stmt.Return r) {
                return new HashSet<>();
            }

            @Override
            public Set<Variable> throwStatement(Stmt.Throw t) {
                return new HashSet<>();
            }
        });
    }

    private Set<Variable> sequence(List<Stmt> statements, Set<Variable> in, boolean inLoop) {
        Set<Variable> current = in;
        for (Stmt s : statements) {
            current = statement(s, current, inLoop);
        }
        return current == in ? new HashSet<>(in) : current;
    }

    private Set<Variable> assign(Stmt.Assign a, Set<Variable> in, boolean inLoop) {
        note(a, in);
        Variable x = a.target();
        Set<Variable> read = readsOf(a);
        Set<Variable> out = flowing(in, read);
        if (x.type().isArray() || pinned.contains(x)) {
            return out;
        }
        boolean required = in.contains(x) || read.contains(x);
        if (inLoop && required && CounterMoves.isMovedBack(a)) {
            out.add(x);
        } else {
            // The site's own reads of x see the value it restores, not the one it writes.
            out.remove(x);
        }
        return out;
    }

    /**
     * A loop: the init once, then body and update to a fixed point, the values required after
     * an iteration flowing back to the next; the loop may stop before any iteration or at a break.
     */
    private Set<Variable> loop(Stmt.Loop loop, Set<Variable> in, boolean inLoop) {
        Set<Variable> outerPinned = pinned;
        pinned = union(pinned, readsOf(loop));
        Set<Variable> head = sequence(loop.init(), union(in, pinned), inLoop);
        Exits exits = new Exits();
        loops.push(exits);
        while (true) {
            Set<Variable> afterBody = statement(loop.body(), union(head, pinned), true);
            afterBody.addAll(exits.continues);
            Set<Variable> next = union(head, sequence(loop.update(), afterBody, true));
            if (next.equals(head)) {
                break;
            }
            head = next;
        }
        loops.pop();
        pinned = outerPinned;
        head.addAll(exits.breaks);
        return head;
    }

    /** Records the values required where {@code site} runs, joined over the paths that reach it. */
    private void note(Stmt site, Set<Variable> in) {
        Set<Variable> required = requiredAt.computeIfAbsent(site, k -> new HashSet<>());
        required.addAll(in);
        required.addAll(readsOf(site));
    }

    /** What is required after a statement that overwrites nothing and reads {@code read}. */
    private Set<Variable> flowing(Set<Variable> in, Set<Variable> read) {
        Set<Variable> out = union(in, read);
        out.addAll(pinned);
        return out;
    }

    /** The variables the reverse code of {@code s} reads, each array as its alias class. */
    private Set<Variable> readsOf(Stmt s) {
        return reads.getOrDefault(s, Set.of());
    }

    private Variable canonical(Variable v) {
        return v.type().isArray() ? aliases.representative(v) : v;
    }

    private static Set<Variable> union(Set<Variable> a, Set<Variable> b) {
        Set<Variable> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }
}
