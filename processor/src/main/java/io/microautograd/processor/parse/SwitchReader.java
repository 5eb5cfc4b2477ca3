package io.microautograd.processor.parse;

import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.YieldTree;
import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Exprs;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Reachability;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.UnaryOp;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads {@code switch} statements and expressions on int values into if/else statements, so the
 * rest of the compiler sees only what it already differentiates. The selector is evaluated once,
 * and each case's statements are read once, in the one scope Java gives the whole switch block.
 *
 * <p>Where no case falls into the next, the cases become an if/else chain over their labels, the
 * default last. Where one does, each case becomes an {@code if} entered by its labels or by the
 * case before it falling through: a flag {@code entered} says the switch is running, a
 * {@code break} clears it, and the statements after a {@code break} nested in an {@code if} run
 * only while it is set. A switch expression assigns its value ({@code case 1 -> v} or
 * {@code yield v}) to the variable it initializes or is assigned to, or to a fresh one its
 * {@code return} returns; a {@code yield} leaves the switch expression as a {@code break} leaves a
 * switch statement, from within nested switch statements too.
 */
final class SwitchReader {

    /** A switch being read: where its breaks and yields go. */
    private static final class Open {
        final int loopDepth;
        final Variable target;
        final Set<Stmt> exits = new HashSet<>();

        Open(int loopDepth, Variable target) {
            this.loopDepth = loopDepth;
            this.target = target;
        }
    }

    /** One case: the labels that enter it (none for default), and its statements, read once. */
    private record Case(List<Expr> labels, boolean isDefault, List<Stmt> statements, boolean rule) {
        /** A classic case with no statements, whose labels enter the next case. */
        boolean isStacked() {
            return !rule && statements.isEmpty();
        }
    }

    /**
     * How the statements after an exit learn of it: {@code mark} records the exit, {@code running}
     * tests that none happened.
     */
    private record Leaving(Variable flag, boolean runningWhenSet) {
        Stmt mark() {
            return new Stmt.Assign(flag, new Expr.Literal(runningWhenSet ? "false" : "true", Type.BOOLEAN), false,
                    Stmt.Origin.NONE);
        }

        Expr running() {
            return runningWhenSet ? Exprs.read(flag) : new Expr.Unary(UnaryOp.NOT, Exprs.read(flag));
        }
    }

    private final BodyReader body;
    private final Deque<Open> open = new ArrayDeque<>();

    SwitchReader(BodyReader body) {
        this.body = body;
    }

    /** Reads a switch statement. */
    List<Stmt> statement(SwitchTree tree, int loopDepth) {
        return lowered(tree.getExpression(), tree.getCases(), new Open(loopDepth, null), tree);
    }

    /** Reads a switch expression whose value goes to {@code target}. */
    List<Stmt> assigned(SwitchExpressionTree tree, Variable target, int loopDepth) {
        return lowered(tree.getExpression(), tree.getCases(), new Open(loopDepth, target), tree);
    }

    /**
     * Whether a {@code break} read at {@code loopDepth} leaves a switch rather than a loop: the
     * innermost switch has no loop inside it around the break.
     */
    boolean breaksSwitch(int loopDepth) {
        return !open.isEmpty() && open.peek().loopDepth == loopDepth;
    }

    /** A {@code break} of the innermost switch: the statements after it in its case do not run. */
    Stmt exit(Tree tree) {
        return exit(open.peek(), tree);
    }

    private Stmt exit(Open from, Tree tree) {
        Stmt exit = new Stmt.Break(body.origin(tree));
        from.exits.add(exit);
        return exit;
    }

    /** {@code yield value}: the innermost switch expression's value, then the end of its case. */
    List<Stmt> yield(YieldTree tree, int loopDepth) {
        Open expression = null;
        for (Iterator<Open> it = open.iterator(); it.hasNext() && expression == null; ) {
            Open candidate = it.next();
            expression = candidate.target != null ? candidate : null;
        }
        if (expression == null) {
            throw new Rejection(Tag.UNSUPPORTED_STATEMENT, tree, "yield outside a switch expression");
        }
        if (expression.loopDepth != loopDepth) {
            throw new Rejection(Tag.UNSUPPORTED_LOOP, tree, "yield from inside a loop is not supported; keep the "
                    + "value in a variable, break out of the loop and yield after it");
        }
        return List.of(assignment(expression.target, tree.getValue(), tree), exit(expression, tree));
    }

    private List<Stmt> lowered(ExpressionTree parenthesized, List<? extends CaseTree> caseTrees, Open context,
            Tree tree) {
        ExpressionTree selectorTree = parenthesized instanceof ParenthesizedTree p ? p.getExpression() : parenthesized;
        Expr selector = body.expressions().read(selectorTree);
        if (selector.type() != Type.INT) {
            throw new Rejection(Tag.UNSUPPORTED_STATEMENT, selectorTree, "switch on the " + selector.type().javaName()
                    + " value " + body.source().of(selectorTree) + "; switch on int values (int, char, short or "
                    + "byte in Java), casting to int if needed");
        }
        List<Case> cases = cases(caseTrees, context);
        Stmt.Origin origin = body.origin(tree, "switch " + body.source().of(selectorTree));
        List<Stmt> out = new ArrayList<>();
        Expr tested = selector;
        if (!(selector instanceof Expr.Read read) || cases.stream().anyMatch(c -> c.statements().stream()
                .anyMatch(s -> IrWalk.assigns(s, read.variable())))) {
            Variable copy = body.scope().introduce("selector", Type.INT);
            out.add(new Stmt.Assign(copy, selector, true, origin));
            tested = Exprs.read(copy);
        }
        open.push(context);
        try {
            out.addAll(fallsThrough(cases) ? enteredInTurn(cases, tested, origin) : ifChain(cases, tested, origin));
        } finally {
            open.pop();
        }
        return out;
    }

    /** The cases, each case's statements read once, all in the switch block's one scope. */
    private List<Case> cases(List<? extends CaseTree> caseTrees, Open context) {
        List<Case> cases = new ArrayList<>();
        open.push(context);
        body.scope().enter();
        try {
            for (CaseTree caseTree : caseTrees) {
                List<Expr> labels = body.rejections().each(caseTree.getExpressions(), this::label);
                boolean rule = caseTree.getCaseKind() == CaseTree.CaseKind.RULE;
                cases.add(new Case(labels, labels.isEmpty(), caseStatements(caseTree, context), rule));
            }
        } finally {
            body.scope().exit();
            open.pop();
        }
        return cases;
    }

    /** The label of a case: an int constant (a literal, a char, a negated literal or a static final int). */
    private Expr label(ExpressionTree tree) {
        if (tree instanceof LiteralTree literal && literal.getValue() instanceof Character c) {
            return Exprs.lit((int) c);
        }
        Expr label = body.expressions().read(tree);
        boolean constant = label instanceof Expr.Literal || label instanceof Expr.Constant
                || label instanceof Expr.Unary u && u.op() == UnaryOp.NEG && u.operand() instanceof Expr.Literal;
        if (!constant || label.type() != Type.INT) {
            throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree, "case label " + body.source().of(tree)
                    + "; labels are int constants: literals, characters or static final ints");
        }
        return label;
    }

    private List<Stmt> caseStatements(CaseTree tree, Open context) {
        List<Stmt> out = new ArrayList<>();
        if (tree.getCaseKind() == CaseTree.CaseKind.STATEMENT) {
            for (StatementTree statement : tree.getStatements()) {
                body.rejections().attempt(() -> body.statement(statement, out));
            }
            return out;
        }
        // A rule of a switch statement is a block, a throw or an expression statement; one of a
        // switch expression is a block, a throw or the value it yields.
        Tree arm = tree.getBody();
        if (arm instanceof StatementTree statement) {
            body.rejections().attempt(() -> body.statement(statement, out));
        } else {
            body.rejections().attempt(() -> out.add(assignment(context.target, (ExpressionTree) arm, arm)));
        }
        return out;
    }

    private Stmt assignment(Variable target, ExpressionTree value, Tree at) {
        return new Stmt.Assign(target, BodyReader.assignable(target.type(), body.expressions().read(value), value),
                false, body.origin(at, body.source().of(at)));
    }

    /** Whether a classic case with statements may run on into the next case. */
    private boolean fallsThrough(List<Case> cases) {
        for (int i = 0; i < cases.size() - 1; i++) {
            Case c = cases.get(i);
            if (!c.rule() && !c.isStacked() && Reachability.canCompleteNormally(Stmt.Block.of(c.statements()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * No case falls through: an if/else chain over the labels, the default last. Labels after the
     * last statements (a classic switch ending in {@code case 3:}) enter a case that runs nothing,
     * whatever the default does.
     */
    private List<Stmt> ifChain(List<Case> cases, Expr selector, Stmt.Origin origin) {
        Variable[] exited = new Variable[1];
        List<Expr> tests = new ArrayList<>();
        List<Stmt.Block> entered = new ArrayList<>();
        Stmt.Block otherwise = Stmt.Block.of(List.of());
        List<Expr> pending = new ArrayList<>();
        boolean defaultPending = false;
        for (Case c : cases) {
            pending.addAll(c.labels());
            defaultPending |= c.isDefault();
            if (c.isStacked()) {
                continue;
            }
            Stmt.Block block = Stmt.Block.of(withoutExits(c.statements(), true, false, () -> leaving(exited)));
            if (defaultPending) {
                otherwise = block;
            }
            if (!pending.isEmpty()) {
                tests.add(anyOf(selector, pending));
                entered.add(block);
            }
            pending = new ArrayList<>();
            defaultPending = false;
        }
        if (!pending.isEmpty()) {
            tests.add(anyOf(selector, pending));
            entered.add(Stmt.Block.of(List.of()));
        }
        Stmt.Block chain = otherwise;
        for (int k = tests.size() - 1; k >= 0; k--) {
            Stmt.If branch = new Stmt.If(tests.get(k), entered.get(k), chain, k == 0 ? origin : Stmt.Origin.NONE);
            chain = Stmt.Block.of(List.of(branch));
        }
        List<Stmt> out = new ArrayList<>();
        if (exited[0] != null) {
            out.add(new Stmt.Assign(exited[0], new Expr.Literal("false", Type.BOOLEAN), true, Stmt.Origin.NONE));
        }
        out.addAll(chain.statements());
        return out;
    }

    /** The flag of an if/else chain's breaks nested in ifs: set when one ran. */
    private Leaving leaving(Variable[] exited) {
        if (exited[0] == null) {
            exited[0] = body.scope().introduce("exited", Type.BOOLEAN);
        }
        return new Leaving(exited[0], false);
    }

    /**
     * A case falls through: each case runs when its labels match or the case before ran on into
     * it, and a break clears {@code entered}, so no later case runs; the default runs when no
     * label matches. A switch that cannot complete normally (JLS 14.22: a default, no break, a
     * last case that cannot complete normally) reaches its last case whichever case it enters,
     * so that case runs without a test, and javac sees, as in the source, that nothing follows.
     */
    private List<Stmt> enteredInTurn(List<Case> cases, Expr selector, Stmt.Origin origin) {
        Variable entered = body.scope().introduce("entered", Type.BOOLEAN);
        Leaving leaving = new Leaving(entered, true);
        List<Expr> allLabels = cases.stream().flatMap(c -> c.labels().stream()).toList();
        Case last = cases.get(cases.size() - 1);
        boolean endsInLast = open.peek().exits.isEmpty() && cases.stream().anyMatch(Case::isDefault)
                && !last.isStacked() && !Reachability.canCompleteNormally(Stmt.Block.of(last.statements()));
        List<Stmt> out = new ArrayList<>();
        out.add(new Stmt.Assign(entered, new Expr.Literal("false", Type.BOOLEAN), true, origin));
        List<Expr> pending = new ArrayList<>();
        boolean defaultPending = false;
        for (Case c : cases) {
            pending.addAll(c.labels());
            defaultPending |= c.isDefault();
            if (c.isStacked()) {
                continue;
            }
            if (c == last && endsInLast) {
                out.addAll(last.statements());
                break;
            }
            Expr enters = pending.isEmpty() ? null : anyOf(selector, pending);
            if (defaultPending) {
                Expr noLabel = allLabels.isEmpty() ? new Expr.Literal("true", Type.BOOLEAN)
                        : new Expr.Unary(UnaryOp.NOT, anyOf(selector, allLabels));
                enters = enters == null ? noLabel : Exprs.binary(BinaryOp.OR, enters, noLabel);
            }
            List<Stmt> block = new ArrayList<>();
            block.add(new Stmt.Assign(entered, new Expr.Literal("true", Type.BOOLEAN), false, Stmt.Origin.NONE));
            block.addAll(withoutExits(c.statements(), true, true, () -> leaving));
            out.add(new Stmt.If(Exprs.binary(BinaryOp.OR, Exprs.read(entered), enters), Stmt.Block.of(block),
                    Stmt.Block.of(List.of()), Stmt.Origin.NONE));
            pending = new ArrayList<>();
            defaultPending = false;
        }
        return out;
    }

    private static Expr anyOf(Expr selector, List<Expr> labels) {
        Expr test = null;
        for (Expr label : labels) {
            Expr equal = Exprs.binary(BinaryOp.EQ, selector, label);
            test = test == null ? equal : Exprs.binary(BinaryOp.OR, test, equal);
        }
        return test;
    }

    /**
     * The statements with this switch's exits taken out: one directly in the case ends it (the
     * rest cannot run); one nested in an if records itself, and what follows it runs only while
     * no exit happened. Blocks are sequences like their enclosing one, so they are read through.
     *
     * @param markedAtCaseLevel whether an exit directly in the case is recorded too (so that no
     *     later case runs on from it)
     * @param leaving how an exit is recorded, asked for only when one is
     */
    private List<Stmt> withoutExits(List<Stmt> nested, boolean caseLevel, boolean markedAtCaseLevel,
            Supplier<Leaving> leaving) {
        Open context = open.peek();
        List<Stmt> statements = flattened(nested);
        List<Stmt> out = new ArrayList<>();
        for (int j = 0; j < statements.size(); j++) {
            Stmt s = statements.get(j);
            if (context.exits.contains(s)) {
                if (!caseLevel || markedAtCaseLevel) {
                    out.add(leaving.get().mark());
                }
                return out;
            }
            if (!holdsExit(s, context)) {
                out.add(s);
                continue;
            }
            Stmt.If branch = (Stmt.If) s;
            out.add(new Stmt.If(branch.condition(),
                    Stmt.Block.of(withoutExits(branch.thenBlock().statements(), false, false, leaving)),
                    Stmt.Block.of(withoutExits(branch.elseBlock().statements(), false, false, leaving)),
                    branch.origin()));
            List<Stmt> rest = withoutExits(statements.subList(j + 1, statements.size()), caseLevel,
                    markedAtCaseLevel, leaving);
            if (!rest.isEmpty()) {
                out.add(new Stmt.If(leaving.get().running(), Stmt.Block.of(rest), Stmt.Block.of(List.of()),
                        Stmt.Origin.NONE));
            }
            return out;
        }
        return out;
    }

    /** The statements with each block among them replaced by its own statements. */
    private static List<Stmt> flattened(List<Stmt> statements) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : statements) {
            if (s instanceof Stmt.Block block) {
                out.addAll(flattened(block.statements()));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private static boolean holdsExit(Stmt s, Open context) {
        boolean[] found = {false};
        IrWalk.statements(s, t -> found[0] |= context.exits.contains(t));
        return found[0];
    }
}
