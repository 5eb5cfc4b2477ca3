package io.microautograd.processor.parse;

import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
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
import java.util.List;
import java.util.Set;

/**
 * Reads {@code switch} statements and expressions on int values into if/else statements, so the
 * rest of the compiler sees only what it already differentiates. Each case label becomes a test
 * of the selector (evaluated once); entering a case runs its statements and, where they can
 * complete normally, those of the next cases, as Java's fall-through does. A {@code break} of the
 * switch ends the case's statements; one nested in an {@code if} sets a flag that the statements
 * after it test. A switch expression assigns its value ({@code case 1 -> v} or {@code yield v})
 * to the variable it initializes or is assigned to, or to a fresh one its {@code return} returns.
 */
final class SwitchReader {

    /** A switch being read: where its breaks and yields go. */
    private static final class Open {
        final int loopDepth;
        final Variable target;
        final Set<Stmt> exits = new HashSet<>();
        Variable exited;

        Open(int loopDepth, Variable target) {
            this.loopDepth = loopDepth;
            this.target = target;
        }
    }

    /** One case: the tests that enter it (none for default) and its statements as written. */
    private record Case(List<Expr> labels, CaseTree tree) {
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
        Stmt exit = new Stmt.Break(body.origin(tree));
        open.peek().exits.add(exit);
        return exit;
    }

    /** {@code yield value}: the innermost switch expression's value, then the end of its case. */
    List<Stmt> yield(YieldTree tree, int loopDepth) {
        Open innermost = open.peek();
        if (innermost == null || innermost.target == null) {
            throw new Rejection(Tag.UNSUPPORTED_STATEMENT, tree, "yield outside a switch expression");
        }
        if (innermost.loopDepth != loopDepth) {
            throw new Rejection(Tag.UNSUPPORTED_LOOP, tree, "yield from inside a loop is not supported; keep the "
                    + "value in a variable, break out of the loop and yield after it");
        }
        return List.of(assignment(innermost.target, tree.getValue(), tree), exit(tree));
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
        List<Case> cases = new ArrayList<>();
        for (CaseTree caseTree : caseTrees) {
            cases.add(new Case(body.rejections().each(caseTree.getExpressions(), this::label), caseTree));
        }
        open.push(context);
        List<Stmt.Block> chains = new ArrayList<>();
        try {
            for (int i = 0; i < cases.size(); i++) {
                chains.add(isStacked(cases.get(i)) ? null : chain(cases, i));
            }
        } finally {
            open.pop();
        }
        List<Stmt> out = new ArrayList<>();
        Expr tested = selector;
        if (!(selector instanceof Expr.Read read) || chains.stream().anyMatch(c -> c != null
                && IrWalk.assigns(c, read.variable()))) {
            Variable copy = body.scope().introduce("selector", Type.INT);
            out.add(new Stmt.Assign(copy, selector, true, body.origin(tree, "switch " + body.source().of(selectorTree))));
            tested = Exprs.read(copy);
        }
        if (context.exited != null) {
            out.add(new Stmt.Assign(context.exited, new Expr.Literal("false", Type.BOOLEAN), true, Stmt.Origin.NONE));
        }
        out.addAll(ifChain(cases, chains, tested, body.origin(tree, "switch " + body.source().of(selectorTree))));
        return out;
    }

    /** A case with no statements of its own, whose labels enter the next case (stacked labels). */
    private static boolean isStacked(Case c) {
        return c.tree().getCaseKind() == CaseTree.CaseKind.STATEMENT && c.tree().getStatements().isEmpty();
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

    /**
     * What entering case {@code first} runs: its statements and, while they can complete
     * normally, the next case's, each read afresh in one scope.
     */
    private Stmt.Block chain(List<Case> cases, int first) {
        List<Stmt> statements = new ArrayList<>();
        body.scope().enter();
        try {
            for (int i = first; i < cases.size(); i++) {
                List<Stmt> read = caseStatements(cases.get(i).tree());
                statements.addAll(read);
                if (cases.get(i).tree().getCaseKind() == CaseTree.CaseKind.RULE
                        || !Reachability.canCompleteNormally(Stmt.Block.of(read))) {
                    break;
                }
            }
        } finally {
            body.scope().exit();
        }
        return Stmt.Block.of(withoutExits(statements, true));
    }

    private List<Stmt> caseStatements(CaseTree tree) {
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
            out.add(assignment(open.peek().target, (ExpressionTree) arm, arm));
        }
        return out;
    }

    private Stmt assignment(Variable target, ExpressionTree value, Tree at) {
        return new Stmt.Assign(target, BodyReader.assignable(target.type(), body.expressions().read(value), value),
                false, body.origin(at, body.source().of(at)));
    }

    /**
     * The statements with this switch's breaks taken out: one directly in the case ends it (the
     * rest cannot run); one nested in an if sets the switch's flag, and what follows it runs only
     * while the flag is clear. Blocks are sequences like their enclosing one, so they are read
     * through.
     */
    private List<Stmt> withoutExits(List<Stmt> nested, boolean caseLevel) {
        Open context = open.peek();
        List<Stmt> statements = flattened(nested);
        List<Stmt> out = new ArrayList<>();
        for (int j = 0; j < statements.size(); j++) {
            Stmt s = statements.get(j);
            if (context.exits.contains(s)) {
                if (!caseLevel) {
                    out.add(new Stmt.Assign(flag(context), new Expr.Literal("true", Type.BOOLEAN), false,
                            Stmt.Origin.NONE));
                }
                return out;
            }
            if (!holdsExit(s, context)) {
                out.add(s);
                continue;
            }
            Stmt.If branch = (Stmt.If) s;
            out.add(new Stmt.If(branch.condition(), Stmt.Block.of(withoutExits(branch.thenBlock().statements(), false)),
                    Stmt.Block.of(withoutExits(branch.elseBlock().statements(), false)), branch.origin()));
            List<Stmt> rest = withoutExits(statements.subList(j + 1, statements.size()), caseLevel);
            if (!rest.isEmpty()) {
                out.add(new Stmt.If(new Expr.Unary(UnaryOp.NOT, Exprs.read(flag(context))), Stmt.Block.of(rest),
                        Stmt.Block.of(List.of()), Stmt.Origin.NONE));
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

    private Variable flag(Open context) {
        if (context.exited == null) {
            context.exited = body.scope().introduce("exited", Type.BOOLEAN);
        }
        return context.exited;
    }

    /**
     * The cases as if/else: each case's labels tested in order, the default last. Labels after
     * the last statements (a classic switch ending in {@code case 3:}) enter a case that runs
     * nothing, whatever the default does.
     */
    private List<Stmt> ifChain(List<Case> cases, List<Stmt.Block> chains, Expr selector, Stmt.Origin origin) {
        Stmt.Block otherwise = Stmt.Block.of(List.of());
        List<Expr> tests = new ArrayList<>();
        List<Stmt.Block> entered = new ArrayList<>();
        List<Expr> pending = new ArrayList<>();
        boolean defaultPending = false;
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            pending.addAll(c.labels());
            defaultPending |= c.labels().isEmpty();
            if (chains.get(i) == null) {
                continue;
            }
            if (defaultPending) {
                otherwise = chains.get(i);
            }
            if (!pending.isEmpty()) {
                tests.add(anyOf(pending, selector));
                entered.add(chains.get(i));
            }
            pending = new ArrayList<>();
            defaultPending = false;
        }
        if (!pending.isEmpty()) {
            tests.add(anyOf(pending, selector));
            entered.add(Stmt.Block.of(List.of()));
        }
        Stmt.Block chain = otherwise;
        for (int k = tests.size() - 1; k >= 0; k--) {
            Stmt.If branch = new Stmt.If(tests.get(k), entered.get(k), chain, k == 0 ? origin : Stmt.Origin.NONE);
            chain = Stmt.Block.of(List.of(branch));
        }
        return chain.statements();
    }

    /** Whether the selector equals one of {@code labels}. */
    private static Expr anyOf(List<Expr> labels, Expr selector) {
        Expr test = null;
        for (Expr label : labels) {
            Expr equal = Exprs.binary(BinaryOp.EQ, selector, label);
            test = test == null ? equal : Exprs.binary(BinaryOp.OR, test, equal);
        }
        return test;
    }
}
