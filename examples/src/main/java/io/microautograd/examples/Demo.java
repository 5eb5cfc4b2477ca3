package io.microautograd.examples;

import io.microautograd.engine.Value;

/** The demo the README's Quick start runs: the seed's first example on the {@code Value} engine. */
public final class Demo {

    private Demo() {
    }

    /** Prints z = x*y + x at x=2, y=3 and its gradient. */
    public static void main(String[] args) {
        Value x = Value.of(2.0).label("x");
        Value y = Value.of(3.0).label("y");
        Value z = x.mul(y).add(x).label("z");
        z.backward();
        System.out.println("z = x*y + x at x = 2, y = 3");
        System.out.println("z = " + z.data());
        System.out.println("dz/dx = " + x.grad());
        System.out.println("dz/dy = " + y.grad());
    }
}
