package io.microautograd.examples;

import io.microautograd.data.Dataset;
import io.microautograd.engine.Value;
import io.microautograd.examples.plot.FitPlot;
import io.microautograd.examples.plot.PngFile;
import io.microautograd.optim.Objective;
import io.microautograd.train.Lbfgs;
import io.microautograd.train.OptimizationPath;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Negative-binomial regression of overdispersed counts, through Commons Math's
 * {@code Gamma.logGamma}, a function in a jar without source whose derivative one
 * {@code @Derivative} rule declares ({@link GammaRules}): L-BFGS fits the model twice, with the
 * gradient the build compiled from {@link NegativeBinomialModel} and with the {@code Value}
 * engine through the operation the same rule gave ({@code GammaRulesOps}), and the two fits agree.
 */
final class NegativeBinomialExample implements Example {

    static final int SAMPLES = 400;
    /** The data's intercept, slope and dispersion: mean exp(1 + 0.8 x), variance mu + mu^2 / 3. */
    static final double[] TRUTH = {1.0, 0.8, Math.log(3.0)};
    static final long SEED = 18;

    @Override
    public String name() {
        return "negative-binomial";
    }

    @Override
    public String description() {
        return "negative-binomial regression through Commons Math's logGamma with a @Derivative rule, on both paths";
    }

    @Override
    public ExampleResult run(ExampleContext context) {
        double[] x = new double[SAMPLES];
        double[] y = new double[SAMPLES];
        sample(x, y);
        Objective compiled = (p, gradient) -> NegativeBinomialModelGrad.negativeLogLikelihood(p[0], p[1], p[2], x, y,
                gradient);
        Objective graph = (p, gradient) -> valueEngineGradient(p, gradient, x, y);
        double[] start = {0, 0, 0};
        Lbfgs lbfgs = Lbfgs.standard().withGradientTolerance(1e-9).quiet(true);
        OptimizationPath compiledFit = lbfgs.minimize(compiled, start);
        OptimizationPath graphFit = lbfgs.minimize(graph, start);
        double[] fit = compiledFit.finalPoint();
        double[] other = graphFit.finalPoint();
        double apart = Vectors.largestDifference(fit, other);
        context.printf("truth:                b0 = %.3f, b1 = %.3f, r = %.3f%n", TRUTH[0], TRUTH[1],
                Math.exp(TRUTH[2]));
        context.printf("compiled (%2d steps):  b0 = %.3f, b1 = %.3f, r = %.3f%n", compiledFit.steps(), fit[0], fit[1],
                Math.exp(fit[2]));
        context.printf("Value    (%2d steps):  b0 = %.3f, b1 = %.3f, r = %.3f%n", graphFit.steps(), other[0], other[1],
                Math.exp(other[2]));
        context.printf("the two fits end %.1e apart%n", apart);

        double[][] inputs = new double[SAMPLES][];
        for (int i = 0; i < SAMPLES; i++) {
            inputs[i] = new double[] {x[i]};
        }
        return new ExampleResult()
                .file(PngFile.write(FitPlot.of("Negative-binomial regression: counts and fitted mean",
                        Dataset.of(inputs, y), v -> Math.exp(TRUTH[0] + TRUTH[1] * v),
                        v -> Math.exp(fit[0] + fit[1] * v), -1, 1), context.picture("negative-binomial-fit.png")))
                .measure("b0", fit[0])
                .measure("b1", fit[1])
                .measure("r", Math.exp(fit[2]))
                .measure("distance between paths", apart);
    }

    /** Counts from the Poisson-gamma mixture, which is the negative binomial, at covariates uniform on [-1, 1]. */
    private static void sample(double[] x, double[] y) {
        RandomGenerator random = new Well19937c(SEED);
        double r = Math.exp(TRUTH[2]);
        for (int i = 0; i < x.length; i++) {
            x[i] = 2 * random.nextDouble() - 1;
            double mu = Math.exp(TRUTH[0] + TRUTH[1] * x[i]);
            double rate = new GammaDistribution(random, r, mu / r).sample();
            y[i] = rate == 0 ? 0 : new PoissonDistribution(random, rate, PoissonDistribution.DEFAULT_EPSILON,
                    PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
        }
    }

    /** The model's objective on the {@code Value} engine: builds its graph, backpropagates, adds the gradient. */
    static double valueEngineGradient(double[] p, double[] gradient, double[] x, double[] y) {
        Value b0 = Value.of(p[0]);
        Value b1 = Value.of(p[1]);
        Value logR = Value.of(p[2]);
        Value r = logR.exp();
        Value[] terms = new Value[x.length];
        for (int i = 0; i < x.length; i++) {
            Value logMu = b0.add(b1.mul(x[i]));
            Value logRPlusMu = r.add(logMu.exp()).log();
            terms[i] = GammaRulesOps.logGamma(r.add(y[i])).sub(GammaRulesOps.logGamma(r))
                    .sub(Gamma.logGamma(y[i] + 1))
                    .add(r.mul(logR.sub(logRPlusMu))).add(logMu.sub(logRPlusMu).mul(y[i]));
        }
        Value loss = Value.sum(terms).mul(-1.0 / x.length);
        loss.backward();
        gradient[0] += b0.grad();
        gradient[1] += b1.grad();
        gradient[2] += logR.grad();
        return loss.data();
    }
}
