package io.microautograd.examples;

import io.microautograd.engine.Value;

/** The seed's first example on the {@code Value} engine: z = x*y + x at x = 2, y = 3, and its gradient. */
final class EngineExample implements Example {

    @Override
    public String name() {
        return "engine";
    }

    @Override
    public String description() {
        return "z = x*y + x on the Value engine: the value and dz/dx, dz/dy by backward()";
    }

    @Override
    public ExampleResult run(ExampleContext context) {
        Value x = Value.of(2.0).label("x");
        Value y = Value.of(3.0).label("y");
        Value z = x.mul(y).add(x).label("z");
        z.backward();
        context.println("z = x*y + x at x = 2, y = 3");
        context.println("z = " + z.data());
        context.println("dz/dx = " + x.grad());
        context.println("dz/dy = " + y.grad());
        return new ExampleResult().measure("z", z.data()).measure("dz/dx", x.grad()).measure("dz/dy", y.grad());
    }
}
