package io.microautograd.engine;

import static io.microautograd.engine.FiniteDifferences.checkGradient;

import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Random expression trees (seeded) against central finite differences. */
class RandomExpressionTest {

    private static final int INPUTS = 3;

    @Test
    void randomTreesMatchFiniteDifferences() {
        Random random = new Random(42);
        for (int tree = 0; tree < 300; tree++) {
            long seed = random.nextLong();
            double[] point = new double[INPUTS];
            for (int i = 0; i < INPUTS; i++) {
                point[i] = random.nextDouble() * 2 - 1;
            }
            Function<Value[], Value> f = inputs -> build(new Random(seed), inputs, 5);
            checkGradient(f, point, 1e-5);
        }
    }

    /**
     * A random smooth expression. Operations with kinks (relu, clamp) and domains (log, pow)
     * are wrapped so that the checked points stay away from kinks and inside domains.
     */
    private static Value build(Random random, Value[] inputs, int depth) {
        if (depth == 0 || random.nextInt(4) == 0) {
            return random.nextBoolean() ? inputs[random.nextInt(inputs.length)] : Value.of(random.nextDouble() + 0.5);
        }
        Value a = build(random, inputs, depth - 1);
        switch (random.nextInt(11)) {
            case 0: return a.add(build(random, inputs, depth - 1));
            case 1: return a.sub(build(random, inputs, depth - 1));
            case 2: return a.mul(build(random, inputs, depth - 1));
            case 3: return a.div(build(random, inputs, depth - 1).mul(build(random, inputs, depth - 1)).add(1.5).tanh().add(1.5));
            case 4: return a.tanh();
            case 5: return a.sigmoid();
            case 6: return a.tanh().exp();
            case 7: return a.mul(a).add(0.5).log();
            case 8: return a.tanh().add(2).pow(1.5);
            case 9: return a.tanh().add(2).pow(build(random, inputs, depth - 1).tanh());
            default: return a.mul(a).add(0.1).relu().mul(a);
        }
    }
}
