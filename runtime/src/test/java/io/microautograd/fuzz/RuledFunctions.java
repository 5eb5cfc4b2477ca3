package io.microautograd.fuzz;

import io.microautograd.Derivative;

/**
 * Functions whose derivatives are {@code @Derivative} rules, which mode {@code rules}' programs
 * call ({@link RuledCalls}): the compiled side differentiates through the rules, found in this
 * class, which the programs' javac run sees as a class file, and the {@code Value} side applies
 * the operations the same rules gave ({@code RuledFunctionsOps}). It refers to nothing but the
 * annotations, as the class path of the programs' compilations holds nothing else.
 */
public final class RuledFunctions {

    private RuledFunctions() {
    }

    /** log(1 + e^x) without overflow. */
    public static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** softplus' = the logistic function. */
    @Derivative(of = RuledFunctions.class, method = "softplus")
    public static double softplusSlope(double x) {
        return logistic(x);
    }

    /** 1 / (1 + e^-x), through tanh. */
    public static double logistic(double x) {
        return 0.5 + 0.5 * Math.tanh(0.5 * x);
    }

    /** logistic' = y (1 - y), from its output. */
    @Derivative(of = RuledFunctions.class, method = "logistic")
    public static double logisticSlope(double x, double y) {
        return y * (1 - y);
    }

    /** log(e^a + e^b) without overflow. */
    public static double smoothMax(double a, double b) {
        double m = Math.max(a, b);
        return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
    }

    /** d/da log(e^a + e^b) = e^(a - y). */
    @Derivative(of = RuledFunctions.class, method = "smoothMax", wrt = "a")
    public static double smoothMaxA(double a, double b, double y) {
        return Math.exp(a - y);
    }

    /** d/db log(e^a + e^b) = e^(b - y). */
    @Derivative(of = RuledFunctions.class, method = "smoothMax", wrt = "b")
    public static double smoothMaxB(double a, double b, double y) {
        return Math.exp(b - y);
    }
}
