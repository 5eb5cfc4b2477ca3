package io.microautograd.fuzz;

import io.microautograd.fuzz.Program.Binary;
import io.microautograd.fuzz.Program.Call;
import io.microautograd.fuzz.Program.Expr;
import io.microautograd.fuzz.Program.If;
import io.microautograd.fuzz.Program.Literal;
import io.microautograd.fuzz.Program.Method;
import io.microautograd.fuzz.Program.Negate;
import io.microautograd.fuzz.Program.Return;
import io.microautograd.fuzz.Program.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Part-1 programs whose every result goes through a function in its tail, where a derivative
 * formula that cancels loses its digits: tanh and the sigmoid of 20 to 400 times the result,
 * exp and expm1 of -400 to 400 times a bounded one, log of 1e-11 to 1e300 times a positive one,
 * atan2 and hypot of the result and a literal scaled to 1e-200 or 1e200. The gradients are then
 * as small as 1e-300 or as large as 1e300, so the comparison of the two paths must be relative to
 * the gradient's own size (see {@link PointCheck}).
 */
final class TailProgramGenerator {

    private static final double[] STEEP = {20, 40, 400};
    private static final double[] GROWTH = {40, 400};
    private static final double[] LOG_SCALES = {1e-11, 1e200, 1e300};
    private static final double[] COORDINATE_SCALES = {1e-200, 1e200};

    private final Random random;
    private final ProgramGenerator scalar;

    TailProgramGenerator(long seed) {
        this.random = new Random(seed);
        this.scalar = new ProgramGenerator(random);
    }

    /** A random part-1 method called {@code name} whose returns pass through a tail. */
    Method method(String name) {
        Method method = scalar.method(name);
        return method.withBody(throughTails(method.body()));
    }

    private List<Stmt> throughTails(List<Stmt> block) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt statement : block) {
            if (statement instanceof Return r) {
                out.add(new Return(tail(r.value())));
            } else if (statement instanceof If branch) {
                out.add(new If(branch.condition(), throughTails(branch.then()), throughTails(branch.otherwise())));
            } else {
                out.add(statement);
            }
        }
        return List.copyOf(out);
    }

    private Expr tail(Expr e) {
        switch (random.nextInt(7)) {
            case 0:
                return call("tanh", times(pick(STEEP), e));
            case 1:
                return call("sigmoid", times(pick(STEEP), e));
            case 2:
                return call("exp", times(signed(pick(GROWTH)), scalar.bounded(e)));
            case 3:
                return call("expm1", times(signed(pick(GROWTH)), scalar.bounded(e)));
            case 4:
                return call("log", times(pick(LOG_SCALES), new Binary("+", scalar.literal(), new Binary("*", e, e))));
            default:
                double scale = pick(COORDINATE_SCALES);
                return call(random.nextBoolean() ? "atan2" : "hypot", times(scale, e), times(scale, scalar.literal()));
        }
    }

    private double pick(double[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private Expr signed(double magnitude) {
        return random.nextBoolean() ? new Literal(magnitude) : new Negate(new Literal(magnitude));
    }

    private static Expr times(double factor, Expr e) {
        return times(new Literal(factor), e);
    }

    private static Expr times(Expr factor, Expr e) {
        return new Binary("*", factor, e);
    }

    private static Call call(String function, Expr... arguments) {
        return new Call(function, List.of(arguments));
    }
}
