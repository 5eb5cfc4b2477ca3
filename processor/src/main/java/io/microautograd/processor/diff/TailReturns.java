package io.microautograd.processor.diff;

import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Reachability;
import io.microautograd.processor.ir.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * A method's returns moved to the ends of its paths, where the code after them can do without
 * them. {@code if (c) { ...; return a; } rest} becomes {@code if (c) { ...; return a; } else { rest }}
 * (and the other way round when the else returns and the then does not), recursively, so that in
 * the usual early-return method every return ends the method: its last statement is the return
 * or an {@code if} whose branches end so. A method in that form needs no record of which return
 * was taken: each branch runs its reverse sweep right after its forward one ({@link Sweeper}), and
 * the locals a branch needs are declared in it. The statements keep their identity, so each still
 * says where it came from; only the {@code if}s that take the rest are new, and a source block is
 * spliced into its sequence. An {@code if} that only throws is left alone: a guard needs no
 * reverse sweep, and the code after it stays unindented.
 */
final class TailReturns {

    private TailReturns() {
    }

    /** The body with the rest of each sequence moved into the branch of an {@code if} that does not return. */
    static Stmt.Block moved(Stmt.Block body) {
        return Stmt.Block.of(sequence(spliced(body.statements())));
    }

    /** Whether every return of the body ends it: the last statement, or in the tail of a last {@code if}. */
    static boolean endEveryPath(Stmt.Block body) {
        List<Stmt> statements = body.statements();
        for (int i = 0; i < statements.size(); i++) {
            Stmt s = statements.get(i);
            boolean last = i == statements.size() - 1;
            if (last && s instanceof Stmt.If branch) {
                return endEveryPath(branch.thenBlock()) && endEveryPath(branch.elseBlock());
            }
            if (!(last && s instanceof Stmt.Return) && returns(s)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the statement holds a return. */
    static boolean returns(Stmt s) {
        boolean[] found = {false};
        IrWalk.statements(s, t -> found[0] |= t instanceof Stmt.Return);
        return found[0];
    }

    private static List<Stmt> sequence(List<Stmt> statements) {
        List<Stmt> out = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            Stmt s = statements.get(i);
            if (!(s instanceof Stmt.If branch) || !returns(s)) {
                out.add(s);
                continue;
            }
            List<Stmt> rest = statements.subList(i + 1, statements.size());
            boolean thenLeaves = !Reachability.canCompleteNormally(branch.thenBlock());
            boolean elseLeaves = !Reachability.canCompleteNormally(branch.elseBlock());
            if (rest.isEmpty() || thenLeaves != elseLeaves) {
                List<Stmt> whenTrue = new ArrayList<>(branch.thenBlock().statements());
                List<Stmt> whenFalse = new ArrayList<>(branch.elseBlock().statements());
                (thenLeaves ? whenFalse : whenTrue).addAll(rest);
                out.add(new Stmt.If(branch.condition(), block(whenTrue), block(whenFalse), branch.origin()));
                return out;
            }
            out.add(s);
        }
        return out;
    }

    private static Stmt.Block block(List<Stmt> statements) {
        return Stmt.Block.of(sequence(spliced(statements)));
    }

    /** The statements with those of nested source blocks in their place. */
    private static List<Stmt> spliced(List<Stmt> statements) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : statements) {
            if (s instanceof Stmt.Block b) {
                out.addAll(spliced(b.statements()));
            } else {
                out.add(s);
            }
        }
        return out;
    }
}
