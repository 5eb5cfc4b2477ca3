package io.microautograd.fuzz;

import io.microautograd.fuzz.DifferentialFuzzer.Compilation;
import io.microautograd.fuzz.DifferentialFuzzer.Finding;
import io.microautograd.fuzz.PointCheck.Outcome;
import io.microautograd.fuzz.PointCheck.Verdict;
import io.microautograd.fuzz.Program.And;
import io.microautograd.fuzz.Program.Assign;
import io.microautograd.fuzz.Program.Binary;
import io.microautograd.fuzz.Program.Call;
import io.microautograd.fuzz.Program.Case;
import io.microautograd.fuzz.Program.Compare;
import io.microautograd.fuzz.Program.Cond;
import io.microautograd.fuzz.Program.CountedFor;
import io.microautograd.fuzz.Program.Declare;
import io.microautograd.fuzz.Program.Element;
import io.microautograd.fuzz.Program.Expr;
import io.microautograd.fuzz.Program.For;
import io.microautograd.fuzz.Program.ForEach;
import io.microautograd.fuzz.Program.ForEachIndex;
import io.microautograd.fuzz.Program.If;
import io.microautograd.fuzz.Program.Inferred;
import io.microautograd.fuzz.Program.IntegerValue;
import io.microautograd.fuzz.Program.Invoke;
import io.microautograd.fuzz.Program.Literal;
import io.microautograd.fuzz.Program.Method;
import io.microautograd.fuzz.Program.Negate;
import io.microautograd.fuzz.Program.Not;
import io.microautograd.fuzz.Program.Or;
import io.microautograd.fuzz.Program.Return;
import io.microautograd.fuzz.Program.ScaledIndex;
import io.microautograd.fuzz.Program.StepWhile;
import io.microautograd.fuzz.Program.Stmt;
import io.microautograd.fuzz.Program.Store;
import io.microautograd.fuzz.Program.Switch;
import io.microautograd.fuzz.Program.SwitchValue;
import io.microautograd.fuzz.Program.Ternary;
import io.microautograd.fuzz.Program.Throw;
import io.microautograd.fuzz.Program.While;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Makes a failing program small: greedily drops statements (at every level, loop bodies and
 * switch cases included) and switch cases, flattens ifs into one branch, loops into their body
 * and switches into a case, and replaces expressions by their operands (a switch expression by a
 * value it yields) or by 1.0, keeping each step that still disagrees at the same point. Helpers
 * lose statements too, and a program its helpers and static imports. Indices are never rewritten
 * and {@code int[]} contents stay as generated, so no candidate reads out of bounds. A candidate
 * that no longer compiles (a declaration, an array alias's included, dropped while its name is
 * still used) is never kept.
 */
final class Shrinker {

    private static final int MAX_ATTEMPTS = 600;

    private Shrinker() {
    }

    /** Shrinks {@code method}, keeping each candidate on which {@code recheck} still disagrees at {@code point}. */
    static Finding shrink(Method method, double[] point, String detail,
            BiFunction<Method, double[], Outcome> recheck) {
        Method current = method;
        String currentDetail = detail;
        int attempts = 0;
        boolean progress = true;
        while (progress && attempts < MAX_ATTEMPTS) {
            progress = false;
            for (Method candidate : candidates(current)) {
                if (++attempts > MAX_ATTEMPTS) {
                    break;
                }
                Outcome outcome = recheck.apply(candidate, point);
                if (outcome.verdict() == Verdict.DISAGREE) {
                    current = candidate;
                    currentDetail = outcome.detail();
                    progress = true;
                    break;
                }
            }
        }
        return new Finding(current, point, currentDetail);
    }

    /** Compiles {@code candidate} alone and checks it at {@code point}, as the default modes do. */
    static Outcome recheck(Method candidate, double[] point) {
        Compilation compilation = DifferentialFuzzer.compile("Shrink", List.of(candidate));
        if (compilation.loaded() == null) {
            return new Outcome(Verdict.ILL_CONDITIONED, "does not compile");
        }
        try {
            return compilation.loaded().check(candidate, point);
        } catch (RuntimeException e) {
            return new Outcome(Verdict.ILL_CONDITIONED, e.toString());
        }
    }

    /** Smaller variants of {@code method}, the most aggressive first. */
    static List<Method> candidates(Method method) {
        List<Method> out = new ArrayList<>();
        for (List<Stmt> body : statementVariants(method.body())) {
            out.add(method.withBody(body));
        }
        for (int h = 0; h < method.helpers().size(); h++) {
            List<Method> fewer = new ArrayList<>(method.helpers());
            String name = fewer.remove(h).name();
            // A call of a name no helper has left could mean an imported Math function in Java.
            if (fewer.stream().anyMatch(other -> other.name().equals(name)) || !calls(method, name)) {
                out.add(method.withHelpers(List.copyOf(fewer)));
            }
        }
        for (String staticImport : method.staticImports()) {
            out.add(method.withStaticImports(method.staticImports().stream().filter(i -> !i.equals(staticImport))
                    .toList()));
        }
        for (int h = 0; h < method.helpers().size(); h++) {
            for (List<Stmt> body : statementVariants(method.helpers().get(h).body())) {
                List<Method> helpers = new ArrayList<>(method.helpers());
                helpers.set(h, helpers.get(h).withBody(body));
                out.add(method.withHelpers(List.copyOf(helpers)));
            }
        }
        int expressions = countExpressions(method);
        for (int k = 0; k < expressions; k++) {
            for (int choice = 0; choice < 3; choice++) {
                int target = k;
                int pick = choice;
                Method variant = method.withBody(new Rewriter(target, e -> simpler(e, pick)).block(method.body()));
                if (!variant.equals(method)) {
                    out.add(variant);
                }
            }
        }
        return out;
    }

    private static List<List<Stmt>> statementVariants(List<Stmt> body) {
        List<List<Stmt>> out = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            Stmt statement = body.get(i);
            if (!(statement instanceof Return) || i < body.size() - 1) {
                List<Stmt> without = new ArrayList<>(body);
                without.remove(i);
                out.add(without);
            }
            for (List<Stmt> inner : Program.innerBlocks(statement)) {
                List<Stmt> flattened = new ArrayList<>(body.subList(0, i));
                flattened.addAll(inner);
                flattened.addAll(body.subList(i + 1, body.size()));
                out.add(flattened);
            }
            for (Stmt smaller : smallerStatements(statement)) {
                List<Stmt> replaced = new ArrayList<>(body);
                replaced.set(i, smaller);
                out.add(replaced);
            }
        }
        return out;
    }

    /** The statement with one of its inner blocks shrunk one step, or a switch with a case fewer. */
    private static List<Stmt> smallerStatements(Stmt statement) {
        List<Stmt> out = new ArrayList<>();
        if (statement instanceof Inferred inferred) {
            smallerStatements(inferred.declaration()).forEach(declaration -> out.add(new Inferred(declaration)));
        } else if (statement instanceof Switch choice) {
            List<Case> cases = choice.cases();
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                List<Case> fewer = new ArrayList<>(cases);
                fewer.remove(i);
                out.add(new Switch(choice.selector(), choice.arrows(), List.copyOf(fewer)));
                for (List<Stmt> body : statementVariants(c.body())) {
                    List<Case> smaller = new ArrayList<>(cases);
                    smaller.set(i, new Case(c.labels(), body, c.yielded()));
                    out.add(new Switch(choice.selector(), choice.arrows(), List.copyOf(smaller)));
                }
            }
        } else if (statement instanceof If branch) {
            statementVariants(branch.then()).forEach(then -> out.add(new If(branch.condition(), then, branch.otherwise())));
            statementVariants(branch.otherwise()).forEach(otherwise -> out.add(new If(branch.condition(), branch.then(), otherwise)));
        } else if (statement instanceof For loop) {
            statementVariants(loop.body()).forEach(body -> out.add(new For(loop.counter(), loop.bound(), body)));
        } else if (statement instanceof While loop) {
            statementVariants(loop.body()).forEach(body -> out.add(new While(loop.counter(), loop.bound(), body)));
        } else if (statement instanceof ForEach loop) {
            statementVariants(loop.body()).forEach(body -> out.add(new ForEach(loop.element(), loop.array(), body)));
        } else if (statement instanceof ForEachIndex loop) {
            statementVariants(loop.body())
                    .forEach(body -> out.add(new ForEachIndex(loop.element(), loop.indexArray(), body)));
        } else if (statement instanceof CountedFor loop) {
            statementVariants(loop.body()).forEach(body -> out.add(withBody(loop, body)));
        } else if (statement instanceof StepWhile loop) {
            statementVariants(loop.body()).forEach(body -> out.add(withBody(loop, body)));
        }
        return out;
    }

    private static CountedFor withBody(CountedFor loop, List<Stmt> body) {
        return new CountedFor(loop.counter(), loop.isLong(), loop.start(), loop.op(), loop.bound(), loop.step(), body);
    }

    private static StepWhile withBody(StepWhile loop, List<Stmt> body) {
        return new StepWhile(loop.counter(), loop.isLong(), loop.op(), loop.bound(), loop.step(), body);
    }

    /** Choice 0 and 1: an operand of e (when it has them); choice 2: the literal 1.0. */
    private static Expr simpler(Expr e, int choice) {
        List<Expr> operands = new ArrayList<>();
        if (e instanceof Negate n) {
            operands.add(n.operand());
        } else if (e instanceof Binary b) {
            operands.add(b.left());
            operands.add(b.right());
        } else if (e instanceof Call c) {
            operands.addAll(c.arguments());
        } else if (e instanceof Ternary t) {
            operands.add(t.whenTrue());
            operands.add(t.whenFalse());
        } else if (e instanceof Invoke i) {
            operands.addAll(i.scalars());
        } else if (e instanceof SwitchValue s) {
            s.cases().stream().map(Case::yielded).filter(v -> v != null).forEach(operands::add);
        }
        if (choice < operands.size()) {
            return operands.get(choice);
        }
        // An int literal stays: 1.0 in its place is no shorter, and no int where Java needs one (scalb's exponent).
        boolean leaf = e instanceof Literal || e instanceof Program.Var || e instanceof Element
                || e instanceof ScaledIndex || e instanceof IntegerValue i && i.value() instanceof Integral.Literal;
        return choice == 2 && !leaf ? new Literal(1.0) : e;
    }

    /** Whether {@code method} or one of its helpers calls a helper named {@code name}. */
    private static boolean calls(Method method, String name) {
        boolean[] found = {false};
        Rewriter finder = new Rewriter(-1, e -> {
            found[0] |= e instanceof Invoke i && i.helper().equals(name);
            return e;
        });
        finder.block(method.body());
        method.helpers().forEach(helper -> finder.block(helper.body()));
        return found[0];
    }

    private static int countExpressions(Method method) {
        int[] count = {0};
        new Rewriter(-1, e -> {
            count[0]++;
            return e;
        }).block(method.body());
        return count[0];
    }

    /** Rebuilds statements, applying {@code change} to the target-th expression in pre-order (all when -1). */
    private static final class Rewriter {
        private final int target;
        private final UnaryOperator<Expr> change;
        private int seen;

        Rewriter(int target, UnaryOperator<Expr> change) {
            this.target = target;
            this.change = change;
        }

        List<Stmt> block(List<Stmt> statements) {
            List<Stmt> out = new ArrayList<>();
            for (Stmt s : statements) {
                out.add(statement(s));
            }
            return List.copyOf(out);
        }

        private Stmt statement(Stmt s) {
            if (s instanceof Inferred inferred) {
                return new Inferred(statement(inferred.declaration()));
            } else if (s instanceof Switch choice) {
                return new Switch(choice.selector(), choice.arrows(), cases(choice.cases()));
            } else if (s instanceof Throw t) {
                return new Throw(t.exception(), t.text(), t.value() == null ? null : expr(t.value()));
            } else if (s instanceof Declare d) {
                return new Declare(d.name(), expr(d.init()));
            } else if (s instanceof Assign a) {
                return new Assign(a.name(), a.op(), expr(a.value()));
            } else if (s instanceof Return r) {
                return new Return(expr(r.value()));
            } else if (s instanceof If i) {
                return new If(cond(i.condition()), block(i.then()), block(i.otherwise()));
            } else if (s instanceof Store store) {
                return new Store(store.array(), store.index(), store.op(), expr(store.value()));
            } else if (s instanceof For loop) {
                return new For(loop.counter(), loop.bound(), block(loop.body()));
            } else if (s instanceof While loop) {
                return new While(loop.counter(), loop.bound(), block(loop.body()));
            } else if (s instanceof ForEach loop) {
                return new ForEach(loop.element(), loop.array(), block(loop.body()));
            } else if (s instanceof ForEachIndex loop) {
                return new ForEachIndex(loop.element(), loop.indexArray(), block(loop.body()));
            } else if (s instanceof CountedFor loop) {
                return withBody(loop, block(loop.body()));
            } else if (s instanceof StepWhile loop) {
                return withBody(loop, block(loop.body()));
            }
            return s;
        }

        private Expr expr(Expr e) {
            int index = seen++;
            if (target == -1 || index == target) {
                Expr changed = change.apply(e);
                if (target != -1) {
                    return changed;
                }
            }
            if (e instanceof Negate n) {
                return new Negate(expr(n.operand()));
            } else if (e instanceof Binary b) {
                return new Binary(b.op(), expr(b.left()), expr(b.right()));
            } else if (e instanceof Call c) {
                List<Expr> arguments = new ArrayList<>();
                for (Expr argument : c.arguments()) {
                    arguments.add(expr(argument));
                }
                return new Call(c.function(), List.copyOf(arguments), c.spelling());
            } else if (e instanceof Ternary t) {
                return new Ternary(cond(t.condition()), expr(t.whenTrue()), expr(t.whenFalse()));
            } else if (e instanceof Invoke i) {
                List<Expr> scalars = new ArrayList<>();
                for (Expr scalar : i.scalars()) {
                    scalars.add(expr(scalar));
                }
                return new Invoke(i.helper(), i.arrays(), List.copyOf(scalars));
            } else if (e instanceof SwitchValue s) {
                return new SwitchValue(s.selector(), s.arrows(), cases(s.cases()));
            }
            return e;
        }

        private List<Case> cases(List<Case> cases) {
            List<Case> out = new ArrayList<>();
            for (Case c : cases) {
                out.add(new Case(c.labels(), block(c.body()), c.yielded() == null ? null : expr(c.yielded())));
            }
            return List.copyOf(out);
        }

        private Cond cond(Cond c) {
            if (c instanceof Compare compare) {
                return new Compare(compare.op(), expr(compare.left()), expr(compare.right()));
            } else if (c instanceof And a) {
                return new And(cond(a.left()), cond(a.right()));
            } else if (c instanceof Or o) {
                return new Or(cond(o.left()), cond(o.right()));
            }
            return new Not(cond(((Not) c).operand()));
        }
    }
}
