package io.microautograd.examples;

import io.microautograd.engine.Value;

/**
 * The demo the README's Quick start runs: the seed's first example on the {@code Value} engine,
 * then a gradient compiled at build time.
 */
public final class Demo {

    private Demo() {
    }

    /** Prints z = x*y + x at x=2, y=3 and its gradient, then the compiled Rosenbrock gradient. */
    public static void main(String[] args) {
        Value x = Value.of(2.0).label("x");
        Value y = Value.of(3.0).label("y");
        Value z = x.mul(y).add(x).label("z");
        z.backward();
        System.out.println("z = x*y + x at x = 2, y = 3");
        System.out.println("z = " + z.data());
        System.out.println("dz/dx = " + x.grad());
        System.out.println("dz/dy = " + y.grad());

        RosenbrockGrad.RosenbrockGradient g = RosenbrockGrad.rosenbrock(0.5, 0.7);
        System.out.println();
        System.out.println("compiled gradient of rosenbrock(x, y) = (1 - x)^2 + 100 (y - x^2)^2 at x = 0.5, y = 0.7");
        System.out.println("rosenbrock = " + g.value());
        System.out.println("d/dx = " + g.x());
        System.out.println("d/dy = " + g.y());
    }
}
