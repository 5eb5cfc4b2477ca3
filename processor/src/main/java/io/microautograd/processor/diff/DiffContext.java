package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one differentiation shares: activity, the values to keep, adjoints and fresh variables. */
final class DiffContext {

    private final Activity activity;
    private final Set<Variable> needed;
    private final Map<Variable, Variable> adjoints = new LinkedHashMap<>();
    private final List<Stmt> prologue = new ArrayList<>();
    private int nextId;

    DiffContext(Activity activity, Set<Variable> needed, int firstFreeId) {
        this.activity = activity;
        this.needed = needed;
        this.nextId = firstFreeId;
    }

    Activity activity() {
        return activity;
    }

    /** Whether the reverse sweep reads the variable's value (or, for arrays, its elements). */
    boolean isNeeded(Variable v) {
        return needed.contains(v);
    }

    /** A new variable the differentiation introduces; {@code hint} suggests its name. */
    Variable fresh(String hint, Type type) {
        return new Variable(hint, type, nextId++, Variable.Role.GENERATED);
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
