package io.microautograd.processor.emit;

import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Liveness;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each local of a generated method is declared: where it is first needed, in the innermost
 * block that holds every use of the value declared there. The IR has no declarations, so they
 * are placed by liveness ({@link Liveness}): in a block, the statements that mention a variable
 * form runs, joined where the value one leaves is live into the next; a run is declared at its
 * first statement ({@code double z = ...} when that assigns the variable, else a zero-initialised
 * declaration just before it), except that a run of one statement into which no value flows and
 * out of which none is needed is declared inside that statement: in each branch of an {@code if},
 * in a {@code for} header that assigns it, or in a loop body when no value goes round the loop.
 * So a variable used in separate places (a loop index reversed by a second loop, a temporary of
 * two branches) gets a declaration in each, and a block declares a variable once, at its first
 * run, since Java lets neither a block declare a name twice nor a nested block hide a local.
 * Nested {@link Stmt.Block}s are printed without braces, so they are no blocks of their own here.
 * The iterations a round of a checkpointed loop's reversal goes from and to are declared by the round.
 */
final class Declarations {

    /** A place a declaration's scope starts: a statement in a block, or a loop statement whose header declares. */
    private record Site(List<Object> containers, List<Integer> indices, boolean toEndOfBlock) {
        /** Whether the scope starting here covers the statement at {@code other}. */
        boolean covers(Site other) {
            int depth = containers.size() - 1;
            for (int i = 0; i < other.containers.size(); i++) {
                if (other.containers.get(i) == containers.get(depth)) {
                    int index = other.indices.get(i);
                    return toEndOfBlock ? index >= indices.get(depth) : index == indices.get(depth);
                }
            }
            return false;
        }
    }

    private final Liveness liveness;
    private final Set<Variable> readAtReturn;
    private final Map<Stmt, Set<Variable>> mentioned = new HashMap<>();
    private final Map<Stmt, Site> sites = new HashMap<>();
    private final Set<Stmt.Assign> inline = new HashSet<>();
    private final Map<Stmt, List<Variable>> declaredBefore = new HashMap<>();
    private final Set<Variable> zeroed = new HashSet<>();
    private final Map<Variable, List<Site>> scopes = new LinkedHashMap<>();
    private final Map<Stmt.Block, Mentions> mentionsByBlock = new HashMap<>();

    /** A block's statements as printed ({@link #flat}), and for each variable those that mention it, by index. */
    private record Mentions(List<Stmt> statements, Map<Variable, List<Integer>> byVariable) {
        List<Integer> of(Variable v) {
            return byVariable.getOrDefault(v, List.of());
        }
    }

    private Declarations(Liveness liveness, Set<Variable> readAtReturn) {
        this.liveness = liveness;
        this.readAtReturn = readAtReturn;
    }

    /**
     * Finds the declaration points of every variable of {@code body} not in {@code parameters}.
     *
     * @param readAtReturn variables that generated code reads at the method's return, beyond the body
     */
    static Declarations of(Stmt.Block body, Set<Variable> parameters, Set<Variable> readAtReturn) {
        Declarations d = new Declarations(Liveness.of(body, readAtReturn), readAtReturn);
        d.locate(body, List.of(), List.of());
        Set<Variable> locals = new LinkedHashSet<>(d.mentioned.get(body));
        locals.removeAll(parameters);
        IrWalk.statements(body, t -> {
            if (t instanceof Stmt.ReverseSegments r) {
                locals.removeAll(List.of(r.from(), r.target(), r.segmentEnd()));
            }
        });
        for (Variable v : locals) {
            d.scopes.put(v, new ArrayList<>());
            d.place(v, body);
        }
        return d;
    }

    /** Whether this assignment declares its variable. */
    boolean declares(Stmt.Assign assign) {
        return inline.contains(assign);
    }

    /** The variables declared, without a value or with {@linkplain #startsAtZero their zero}, just before {@code s}. */
    List<Variable> declaredBefore(Stmt s) {
        return declaredBefore.getOrDefault(s, List.of());
    }

    /**
     * Whether a variable declared before a statement takes its type's zero there, because a path
     * may read it before assigning it (a value carried round a loop, an adjoint that accumulates);
     * else Java sees it assigned before every read, as liveness does, and it is declared bare.
     */
    boolean startsAtZero(Variable v) {
        return zeroed.contains(v);
    }

    /** The local variables of the body, in order of first declaration. */
    Set<Variable> locals() {
        return scopes.keySet();
    }

    /** Whether the two variables have declarations whose scopes meet, so that they need different names. */
    boolean overlap(Variable a, Variable b) {
        for (Site x : scopes.get(a)) {
            for (Site y : scopes.get(b)) {
                if (x.covers(y) || y.covers(x)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Notes where each statement stands and which variables each statement's subtree mentions. */
    private Set<Variable> locate(Stmt s, List<Object> containers, List<Integer> indices) {
        Set<Variable> seen = new LinkedHashSet<>();
        if (s instanceof Stmt.Assign a) {
            seen.add(a.target());
        }
        if (s instanceof Stmt.Return) {
            seen.addAll(readAtReturn);
        }
        IrWalk.expressionsOf(s).forEach(e -> Liveness.readsInto(e, seen));
        if (s instanceof Stmt.Block b) {
            List<Stmt> flat = flat(b);
            List<Object> inner = new ArrayList<>(containers);
            inner.add(b);
            for (int i = 0; i < flat.size(); i++) {
                List<Integer> at = new ArrayList<>(indices);
                at.add(i);
                sites.put(flat.get(i), new Site(inner, at, true));
                seen.addAll(locate(flat.get(i), inner, at));
            }
        } else {
            for (Stmt child : IrWalk.children(s)) {
                if (child instanceof Stmt.Loop && sites.containsKey(s)) {
                    sites.put(child, sites.get(s));
                }
                seen.addAll(locate(child, containers, indices));
            }
        }
        mentioned.put(s, seen);
        return seen;
    }

    /** The statements of a block with nested blocks spliced in, as they are printed. */
    private static List<Stmt> flat(Stmt.Block block) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : block.statements()) {
            if (s instanceof Stmt.Block b) {
                out.addAll(flat(b));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** Declares {@code v} in {@code block}, or in statements of it, by the runs described above. */
    private void place(Variable v, Stmt.Block block) {
        Mentions mentions = mentionsByBlock.computeIfAbsent(block, this::mentionsIn);
        List<Stmt> statements = mentions.statements();
        List<Integer> mentioning = mentions.of(v);
        boolean declared = false;
        for (int nth = 0; nth < mentioning.size(); nth++) {
            int i = mentioning.get(nth);
            int end = i;
            while (nth + 1 < mentioning.size()
                    && liveness.before(statements.get(mentioning.get(nth + 1))).contains(v)) {
                end = mentioning.get(++nth);
            }
            Stmt first = statements.get(i);
            if (!declared && !(end == i && !liveness.before(first).contains(v) && placedInside(v, first))) {
                declared = true;
                if (first instanceof Stmt.Assign a && a.target().equals(v) && !liveness.before(first).contains(v)) {
                    inline.add(a);
                } else {
                    List<Variable> before = declaredBefore.computeIfAbsent(headed(statements, i), k -> new ArrayList<>());
                    if (!before.contains(v)) {
                        before.add(v); // a checkpointed loop's body is printed twice, placed alike each time
                    }
                    if (liveness.before(first).contains(v)) {
                        zeroed.add(v);
                    }
                }
                scopes.get(v).add(sites.get(first));
            }
        }
    }

    private Mentions mentionsIn(Stmt.Block block) {
        List<Stmt> statements = flat(block);
        Map<Variable, List<Integer>> byVariable = new HashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            for (Variable v : mentioned.getOrDefault(statements.get(i), Set.of())) {
                byVariable.computeIfAbsent(v, k -> new ArrayList<>()).add(i);
            }
        }
        return new Mentions(statements, byVariable);
    }

    /** The statement at {@code i}, or the first of the comments just before it, which head it. */
    private static Stmt headed(List<Stmt> statements, int i) {
        int first = i;
        while (first > 0 && statements.get(first - 1) instanceof Stmt.Comment) {
            first--;
        }
        return statements.get(first);
    }

    /** Declares {@code v} inside a statement that uses it alone, where it can be; says whether it did. */
    private boolean placedInside(Variable v, Stmt s) {
        if (s instanceof Stmt.If i && !IrWalk.reads(i.condition(), v)) {
            place(v, i.thenBlock());
            place(v, i.elseBlock());
            return true;
        }
        if (s instanceof Stmt.ForwardSweep f) {
            place(v, f.body());
            return true;
        }
        boolean evaluated = IrWalk.expressionsOf(s).stream().anyMatch(e -> IrWalk.reads(e, v));
        if (s instanceof Stmt.KeepSnapshots k) {
            return !evaluated && placedInside(v, k.loop());
        }
        if (s instanceof Stmt.ReverseSegments r) {
            if (evaluated || liveness.before(r.advance()).contains(v) || liveness.before(r.segment()).contains(v)
                    || mentions(r.advance(), v) && !placedInside(v, r.advance())) {
                return false;
            }
            place(v, r.segment());
            return true;
        }
        if (!(s instanceof Stmt.Loop l)) {
            return false;
        }
        if (l.kind() == Stmt.LoopKind.FOR && l.init().size() == 1 && l.init().get(0) instanceof Stmt.Assign init
                && init.target().equals(v) && !IrWalk.reads(init.value(), v)) {
            inline.add(init);
            Site loop = sites.get(l);
            scopes.get(v).add(new Site(loop.containers(), loop.indices(), false));
            return true;
        }
        boolean inHeader = l.init().stream().anyMatch(x -> mentions(x, v)) || l.update().stream().anyMatch(x -> mentions(x, v))
                || l.condition() != null && IrWalk.reads(l.condition(), v);
        if (inHeader || liveness.before(l.body()).contains(v)) {
            return false;
        }
        place(v, l.body());
        return true;
    }

    private boolean mentions(Stmt s, Variable v) {
        return mentioned.getOrDefault(s, Set.of()).contains(v);
    }
}
