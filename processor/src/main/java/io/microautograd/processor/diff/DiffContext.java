package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** What one differentiation shares: activity, the values to keep, adjoints and fresh variables. */
final class DiffContext {

    private final Activity activity;
    private final ReadsByStatement previous;
    private final Set<Variable> writtenArrays;
    private final int checkpoints;
    private final ArrayAliases aliases;
    private final ReadsByStatement reads = new ReadsByStatement();
    private final Map<Variable, Variable> adjoints = new LinkedHashMap<>();
    private final Map<Stmt.Loop, String> tapedNotCheckpointed = new LinkedHashMap<>();
    private final List<Stmt> prologue = new ArrayList<>();
    private final FreshVariables fresh;
    private Supplier<Pullback> pullback;

    /**
     * @param previous the variables each statement's reverse code read in the previous round,
     *     or null in the first round, which keeps every overwritten value
     * @param writtenArrays the arrays the function writes elements into
     * @param checkpoints the snapshots the function's {@code @Differentiable} gives its outermost loops
     * @param aliases the function's arrays that may share storage
     */
    DiffContext(Activity activity, ReadsByStatement previous, Set<Variable> writtenArrays, int checkpoints,
            ArrayAliases aliases, int firstFreeId) {
        this.activity = activity;
        this.previous = previous;
        this.writtenArrays = writtenArrays;
        this.checkpoints = checkpoints;
        this.aliases = aliases;
        this.fresh = new FreshVariables(firstFreeId);
    }

    Activity activity() {
        return activity;
    }

    /** The arrays the function writes elements into, directly or through a row alias. */
    Set<Variable> writtenArrays() {
        return writtenArrays;
    }

    /** Whether {@code e} reads an array that may share storage with {@code array}. */
    boolean readsStorageOf(Expr e, Variable array) {
        Variable storage = aliases.representative(array);
        boolean[] found = {false};
        IrWalk.expressions(e, x -> found[0] |= x instanceof Expr.Read r && r.variable().type().isArray()
                && aliases.representative(r.variable()).equals(storage));
        return found[0];
    }

    /**
     * Whether the value of {@code v} that statement {@code site} overwrites is read by the
     * reverse sweep (for arrays: the elements it overwrites).
     */
    boolean isNeededAt(Variable v, Stmt site) {
        return previous == null || previous.mustRecord(v, site);
    }

    /** Notes the source variables that a source statement's reverse code reads. */
    void recordReads(Stmt statement, List<Stmt> reverse) {
        reads.record(statement, ReverseReads.of(reverse));
    }

    /** Notes the source variables that the reverse code of a source statement reads. */
    void recordReads(Stmt statement, Set<Variable> variables) {
        reads.record(statement, variables);
    }

    /** The function's arrays that share storage. */
    ArrayAliases aliases() {
        return aliases;
    }

    /** How an outermost loop is checkpointed, or null when it is taped without a word. */
    Checkpointing checkpointing(Stmt.Loop loop) {
        return Checkpointing.of(loop, checkpoints, aliases);
    }

    /** Notes that the method asked for a loop to be checkpointed and it is taped, and why. */
    void noteTaped(Stmt.Loop loop, String reason) {
        tapedNotCheckpointed.put(loop, reason);
    }

    /** The loops the method asked to checkpoint that are taped, each with the reason. */
    Map<Stmt.Loop, String> tapedNotCheckpointed() {
        return tapedNotCheckpointed;
    }

    /** Notes that the reverse sweep reads the decision of this if statement. */
    void recordDecision(Stmt.If statement) {
        reads.recordDecision(statement);
    }

    /** Whether a loop must record this if statement's decision in each iteration. */
    boolean isDecisionNeeded(Stmt.If statement) {
        return previous == null || previous.readsDecision(statement);
    }

    /**
     * Keeps how to assemble the result of this round. Only the last round's result is used, and
     * its cleanup and tape sizing cost more than the round's sweep, so the others never assemble theirs.
     */
    void finish(Supplier<Pullback> result) {
        this.pullback = result;
    }

    /** The result of this round, assembled now. */
    Pullback pullback() {
        return pullback.get();
    }

    /** What this round's reverse code read, statement by statement. */
    ReadsByStatement reads() {
        return reads;
    }

    /** A new variable the differentiation introduces; {@code hint} suggests its name. */
    Variable fresh(String hint, Type type) {
        return fresh.fresh(hint, type);
    }

    /** Where this round's new variables come from. */
    FreshVariables freshVariables() {
        return fresh;
    }

    /** The adjoint of an active variable, created on first use. */
    Variable adjoint(Variable v) {
        return adjoints.computeIfAbsent(v, key -> fresh("d" + Sweeper.capitalized(key.name()), key.type()));
    }

    /** Makes {@code adjoint} the adjoint of {@code v}, for parameters whose adjoint storage is given. */
    void bindAdjoint(Variable v, Variable adjoint) {
        adjoints.put(v, adjoint);
    }

    /** Every variable that has an adjoint, with it. */
    Map<Variable, Variable> adjoints() {
        return adjoints;
    }

    /** The adjoint of an array expression: {@code dM[i]} for {@code m[i]}. */
    Expr adjointArray(Expr array) {
        if (array instanceof Expr.Read r) {
            return new Expr.Read(adjoint(r.variable()));
        }
        Expr.Element element = (Expr.Element) array;
        return new Expr.Element(adjointArray(element.array()), element.index());
    }

    /** Statements run once at the start of the method, before the forward sweep. */
    List<Stmt> prologue() {
        return prologue;
    }
}
