package io.microautograd.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.engine.Value;
import io.microautograd.fuzz.PointCheck.Verdict;
import io.microautograd.fuzz.Program.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The differential fuzzer: random programs in the compiler's subset, compiled with the processor
 * and checked against the {@code Value} engine and finite differences.
 *
 * <p>The default run checks {@code fuzz.programs} (300) programs of each mode in
 * {@code fuzz.modes} (scalar, arrays, shared_arrays, tails, integers, tangents and rules) from {@code fuzz.seed}, compiled {@code fuzz.batch}
 * (50) to a class; a long campaign of part-2 programs is {@code mvn -pl runtime -am verify
 * -Dtest=DifferentialFuzzTest -Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.programs=100000
 * -Dfuzz.batch=250 -Dfuzz.modes=arrays}. Mode {@code index_names} (a scalar named like an
 * enhanced for's hidden index) found a bug, now fixed and pinned in {@link FuzzRegressionsTest};
 * mode {@code helper_writes} (helpers that write into their array parameter) found that callers
 * read such arrays after the write, and the compiler now rejects those calls, so its programs
 * are not in the subset and stay out of the default run. Mode {@code arrays} also declares
 * other names for arrays ({@code double[] alias3 = a;}) and reads and writes through them, in
 * about two programs in three; the run's counts say how many programs had one, how many take
 * an {@code int[]} and how many loop reversals the zero-adjoint skip guards. Mode
 * {@code separate_runs} compiles the helpers of {@code helper_writes} programs in a javac run
 * before their callers, and demands what one run gives; its quick default is a test of its own,
 * and a campaign is {@code -Dfuzz.modes=separate_runs} with the long run's other properties. Mode
 * {@code shared_arrays} writes programs with two {@code double[]} parameters and passes one array
 * for both at two of each program's three points ({@link SharedArrayCalls}); its programs are of
 * order 2, so {@code fHvp} is checked at every point as in mode {@code hessians}; the counts say how
 * many such calls the generated methods (the gradient's, {@code fTangent} and {@code fHvp}) rejected
 * as the README's rule says, the others having agreed on the value and the gradient of the method
 * as called, {@code fTangent} on that gradient dotted with a random direction, and {@code fHvp} on
 * the product of the method as called.
 * Mode {@code tails} passes the results of part-1 programs through tanh, sigmoid, exp, expm1, log,
 * atan2 and hypot in their tails, where gradients reach 1e-300 and 1e300 ({@link TailProgramGenerator}).
 * Mode {@code tangents} checks the programs of {@code arrays} and then each generated {@code fTangent}
 * against the gradient dotted with a random direction ({@link TangentPoints}).
 * Mode {@code everyday} writes Java as people write it ({@link EverydayProgramGenerator}): switch
 * statements and expressions in loops and around them, var, static imports, StrictMath, guards
 * that throw at some points (where all three paths must throw alike, {@link GuardCheck}) and
 * overloaded helpers; each program is a compilation unit of its own. Its quick default is a test
 * of its own ({@code fuzz.everydayPrograms}, 100), and a campaign is {@code -Dfuzz.modes=everyday}
 * with the long run's other properties.
 * Mode {@code rules} writes part-2 programs that also call functions with {@code @Derivative} rules
 * and, on their arrays, functions with {@code @Pullback} rules ({@link RuledFunctions}), compiled
 * through the rules and run on the {@code Value} engine through the operations the same rules gave.
 * Mode {@code checkpoints} compiles the part-2 programs with checkpoints and taped, and demands the
 * taped gradient bit for bit besides ({@link CheckpointedRuns}); its quick default is a test of its
 * own, and a campaign is {@code -Dfuzz.modes=checkpoints}.
 * Mode {@code hessians} compiles the part-2 programs with {@code order = 2} and checks each
 * {@code fHvp} against central differences of the compiled gradient and against the {@code Value}
 * engine's gradient graph ({@link HessianPoints}); its
 * quick default is a test of its own ({@code fuzz.hessianPrograms}, 100), and a campaign is
 * {@code -Dfuzz.modes=hessians}.
 */
class DifferentialFuzzTest {

    @Test
    void compiledGradientsAgreeWithTheValueEngineAndFiniteDifferences() {
        StringBuilder report = new StringBuilder();
        for (String name : System.getProperty("fuzz.modes",
                "scalar,arrays,shared_arrays,tails,integers,tangents,rules").split(",")) {
            run(DifferentialFuzzer.Mode.valueOf(name.trim().toUpperCase(Locale.ROOT)),
                    Integer.getInteger("fuzz.programs", 300), report);
        }
        assertTrue(report.length() == 0, report.toString());
    }

    /**
     * The quick default of mode {@code separate_runs}: programs whose helpers may write into
     * their array fare in two javac runs as in one, so some are rejected alike and the others
     * have the gradient of the {@code Value} engine and finite differences.
     */
    @Test
    void programsCompiledInTwoRunsFareAsInOne() {
        StringBuilder report = new StringBuilder();
        DifferentialFuzzer.Counts counts = run(DifferentialFuzzer.Mode.SEPARATE_RUNS, 100, report);
        assertTrue(report.length() == 0, report.toString());
        assertTrue(counts.rejectedByProcessor > 0, "no program rejected alike: " + counts);
    }

    /**
     * The quick default of mode {@code everyday}: switches, var, static imports, StrictMath,
     * guards and overloaded helpers agree, and guards threw at some of the points on all three
     * paths alike.
     */
    @Test
    void everydayProgramsAgreeAndThrowAlike() {
        StringBuilder report = new StringBuilder();
        DifferentialFuzzer.Counts counts = run(DifferentialFuzzer.Mode.EVERYDAY,
                Integer.getInteger("fuzz.everydayPrograms", 100), report);
        assertTrue(report.length() == 0, report.toString());
        assertTrue(counts.thrownAlike > 0, "no guard threw: " + counts);
    }

    /**
     * The quick default of mode {@code checkpoints}: programs whose loops are checkpointed give the
     * gradient of the {@code Value} engine and finite differences, and the taped one bit for bit.
     */
    @Test
    void checkpointedProgramsGiveTheTapedGradient() {
        StringBuilder report = new StringBuilder();
        DifferentialFuzzer.Counts counts = run(DifferentialFuzzer.Mode.CHECKPOINTS, 100, report);
        assertTrue(report.length() == 0, report.toString());
        assertTrue(counts.checkpointedLoops > 20, "few loops checkpointed: " + counts);
    }

    /**
     * The quick default of mode {@code hessians}: the Hessian-vector products of order-2 programs
     * match central differences of their gradients and the {@code Value} engine's ({@link HessianPoints}).
     */
    @Test
    void hessianVectorProductsAgreeWithDifferencesOfTheGradientAndTheValueEngine() {
        StringBuilder report = new StringBuilder();
        run(DifferentialFuzzer.Mode.HESSIANS, Integer.getInteger("fuzz.hessianPrograms", 100), report);
        assertTrue(report.length() == 0, report.toString());
    }

    /** Runs {@code programs} programs of {@code mode}, prints the counts and adds the findings to {@code report}. */
    private static DifferentialFuzzer.Counts run(DifferentialFuzzer.Mode mode, int programs, StringBuilder report) {
        long seed = Long.getLong("fuzz.seed", 20261126L);
        long start = System.nanoTime();
        DifferentialFuzzer.Counts counts = DifferentialFuzzer.run(mode, seed, programs,
                Integer.getInteger("fuzz.batch", 50));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("fuzz %s seed %d: %s; %.1f s, %.1f programs per second%n",
                mode.name().toLowerCase(Locale.ROOT), seed, counts, seconds, counts.programs / seconds);
        for (DifferentialFuzzer.Finding finding : counts.findings) {
            report.append(finding.detail()).append('\n').append(finding.regressionTest()).append('\n');
        }
        assertEquals(programs, counts.programs);
        assertTrue(counts.agreed > counts.points / 2,
                "most points must be checked, not skipped as ill-conditioned: " + mode + " " + counts);
        return counts;
    }

    @ParameterizedTest
    @EnumSource(DifferentialFuzzer.Mode.class)
    void theCheckCatchesAWrongGradient(DifferentialFuzzer.Mode mode) {
        Method method = mode.generator(7).apply("f");
        double[] point = new double[ParameterLayout.of(method).size()];
        Arrays.fill(point, 0.3);
        PointCheck.Outcome outcome = PointCheck.check(method, point,
                x -> ValueInterpreter.run(method, Value.of(x)).data(),
                (x, gradient) -> {
                    Value[] leaves = Value.of(x);
                    Value root = ValueInterpreter.run(method, leaves);
                    root.backward();
                    for (int i = 0; i < x.length; i++) {
                        gradient[i] += leaves[i].grad() * 1.001 + 1e-3;
                    }
                    return root.data();
                });
        assertEquals(Verdict.DISAGREE, outcome.verdict(), outcome.detail());
    }

    @ParameterizedTest
    @EnumSource(DifferentialFuzzer.Mode.class)
    void shrinkingOffersOnlySmallerPrograms(DifferentialFuzzer.Mode mode) {
        Method method = mode.generator(11).apply("f");
        String printed = printedWithImports(method);
        List<Method> candidates = Shrinker.candidates(method);
        assertFalse(candidates.isEmpty());
        for (Method candidate : candidates) {
            assertTrue(printedWithImports(candidate).length() < printed.length(),
                    "not smaller:\n" + printedWithImports(candidate));
        }
    }

    private static String printedWithImports(Method method) {
        return JavaPrinter.staticImports(List.of(method), "") + JavaPrinter.method(method, "");
    }

    @Test
    void arrayProgramsLoopWriteElementsAndCallTheirHelper() {
        Function<String, Method> generator = DifferentialFuzzer.Mode.ARRAYS.generator(3);
        StringBuilder printed = new StringBuilder();
        int withHelper = 0;
        for (int i = 0; i < 40; i++) {
            Method method = generator.apply("f" + i);
            printed.append(JavaPrinter.method(method, ""));
            for (Method helper : method.helpers()) {
                withHelper++;
                assertTrue(JavaPrinter.method(method, "")
                        .contains("return (" + helper.name() + "("), "helper not called:\n" + printed);
            }
        }
        assertTrue(withHelper > 5, withHelper + " of 40 programs have a helper");
        for (String construct : List.of("for (int ", "while (", "for (double ", "break;", "continue;",
                "] = ", "] *= ", "= new double[", ".length", "Helper(double[] ", "Helper(double ")) {
            assertTrue(printed.indexOf(construct) >= 0, "no " + construct + " in 40 array programs");
        }
    }

    @Test
    void rulesProgramsCallEachFunctionWithARuleAndThoseOfArraysInLoops() {
        Function<String, Method> generator = DifferentialFuzzer.Mode.RULES.generator(3);
        StringBuilder printed = new StringBuilder();
        StringBuilder inLoops = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            Method method = generator.apply("f" + i);
            printed.append(JavaPrinter.method(method, ""));
            method.statements().filter(s -> s instanceof Program.For || s instanceof Program.While
                    || s instanceof Program.ForEach).forEach(loop -> JavaPrinter.statement(loop, "", inLoops));
        }
        for (String function : List.of("softplus(", "logistic(", "smoothMax(", "logSumExp(", "weightedDot(",
                "tailSquares(")) {
            assertTrue(printed.indexOf(RuledFunctions.class.getCanonicalName() + "." + function) >= 0,
                    "no call of " + function + " in 40 rules programs");
        }
        for (String function : List.of("logSumExp(", "weightedDot(", "tailSquares(")) {
            assertTrue(inLoops.indexOf(RuledFunctions.class.getCanonicalName() + "." + function) >= 0,
                    "no call of " + function + " in a loop of 40 rules programs");
        }
    }

    @Test
    void everydayProgramsWriteEachConstructTheModeClaims() {
        Function<String, Method> generator = DifferentialFuzzer.Mode.EVERYDAY.generator(3);
        StringBuilder printed = new StringBuilder();
        int classicInLoops = 0;
        int arrowsInLoops = 0;
        int valuesInLoops = 0;
        int overloaded = 0;
        int namedLikeMath = 0;
        for (int i = 0; i < 60; i++) {
            Method method = generator.apply("f" + i);
            printed.append(JavaPrinter.compilationUnit("p", "C" + i, List.of(method)));
            List<Program.Stmt> inLoops = inLoops(method).toList();
            classicInLoops += inLoops.stream().anyMatch(s -> s instanceof Program.Switch w && !w.arrows()) ? 1 : 0;
            arrowsInLoops += inLoops.stream().anyMatch(s -> s instanceof Program.Switch w && w.arrows()) ? 1 : 0;
            valuesInLoops += inLoops.stream().anyMatch(s -> Program.switchValue(s) != null) ? 1 : 0;
            overloaded += method.helpers().size() > 1 ? 1 : 0;
            namedLikeMath += method.helpers().stream().anyMatch(h -> HelperFamilies.isMathName(h.name())) ? 1 : 0;
        }
        assertTrue(classicInLoops > 3 && arrowsInLoops > 3 && valuesInLoops > 1, classicInLoops + " programs with a "
                + "classic switch in a loop, " + arrowsInLoops + " with arrows, " + valuesInLoops + " with a switch "
                + "expression, of 60");
        assertTrue(overloaded > 10 && namedLikeMath > 3, overloaded + " programs of 60 with overloaded helpers, "
                + namedLikeMath + " named like a Math function");
        for (String construct : List.of("import static java.lang.Math.*;", "import static java.lang.StrictMath.*;",
                "import static java.lang.StrictMath.", "import static java.lang.Math.", " StrictMath.", "java.lang.Math.",
                "java.lang.StrictMath.", " sin(", "default:", "break;", "case ", " -> ", "yield ", "= switch (",
                "var ", "for (var ", "throw new IllegalArgumentException(\"", "Math.fma(", "toRadians(",
                "toDegrees(", "copySign(", "scalb(", "round(")) {
            assertTrue(printed.indexOf(construct) >= 0, "no " + construct + " in 60 everyday programs");
        }
    }

    /** The statements inside the loops of {@code method} and of its helpers. */
    private static java.util.stream.Stream<Program.Stmt> inLoops(Method method) {
        return method.statements().map(s -> s instanceof Program.Inferred i ? i.declaration() : s)
                .filter(s -> s instanceof Program.For || s instanceof Program.While || s instanceof Program.ForEach)
                .flatMap(loop -> Program.innerBlocks(loop).stream())
                .flatMap(body -> new Method("body", List.of(), body).statements());
    }

    /**
     * A guard's check fails a generated method that returns where the original throws, or throws
     * another message, and passes one that throws alike (the {@code Value} engine throws too).
     */
    @Test
    void theGuardCheckHoldsTheGeneratedMethodToTheOriginalsException() {
        Program.Var x = new Program.Var("x");
        Method guarded = new Method("guarded", List.of("x"), List.of(
                new Program.If(new Program.Compare(">", x, new Program.Literal(1.5)), List.of(new Program.Throw(
                        "IllegalArgumentException", "x is at most 1.5, not ", x)), List.of()),
                new Program.Return(new Program.Binary("*", x, x))));
        double[] point = {1.7};
        ToDoubleFunction<double[]> original = p -> {
            if (p[0] > 1.5) {
                throw new IllegalArgumentException("x is at most 1.5, not " + p[0]);
            }
            return p[0] * p[0];
        };
        assertEquals(Verdict.DISAGREE, GuardCheck.check(guarded, point, original, (p, gradient) -> p[0] * p[0])
                .verdict());
        assertEquals(Verdict.DISAGREE, GuardCheck.check(guarded, point, original, (p, gradient) -> {
            throw new IllegalArgumentException("x is at most 1.5, not 1.5");
        }).verdict());
        PointCheck.Outcome alike = GuardCheck.check(guarded, point, original, (p, gradient) -> original.applyAsDouble(p));
        assertEquals(Verdict.AGREE, alike.verdict(), alike.detail());
        assertEquals(GuardCheck.THREW_ALIKE, alike.detail());
    }

    /**
     * Found by the everyday campaign (seed 201, f384): hypot at the origin has 0/0 partials,
     * which ceil's zero partial keeps out of the gradient but not out of the sizes of the terms
     * the partials sum (NaN). The scale is then still the gradient's size, and an ulp apart agrees.
     */
    @Test
    void termSizesThatAreNotFiniteLeaveTheGradientsSizeAsTheScale() {
        Program.Call ceil = new Program.Call("ceil", List.of(new Program.Binary("*", new Program.Literal(0.3),
                new Program.Var("y"))));
        Method origin = new Method("origin", List.of("y"), List.of(new Program.Return(new Program.Binary("+",
                new Program.Call("sin", List.of(new Program.Var("y"))), new Program.Call("hypot", List.of(ceil, ceil))))));
        double[] point = {-1.68};
        PointCheck.Outcome outcome = PointCheck.check(origin, point,
                x -> Math.sin(x[0]) + Math.hypot(Math.ceil(0.3 * x[0]), Math.ceil(0.3 * x[0])),
                (x, gradient) -> {
                    gradient[0] += Math.nextUp(Math.cos(x[0]));
                    return Math.sin(x[0]) + Math.hypot(Math.ceil(0.3 * x[0]), Math.ceil(0.3 * x[0]));
                });
        assertEquals(Verdict.AGREE, outcome.verdict(), outcome.detail());
    }

    /**
     * Found by the hessians campaign (seed 2406, f1648): the floor of a sum of squares with slope
     * 1e10 has stairs 1e-10 wide, and every difference step spans thousands of them, so the
     * differences give the stairs' slope where the derivative is 0. At x ± a few ulps, where a
     * slope of 1e10 would move the value by 128 ulps, it stays on one stair: not smooth, skipped.
     */
    @Test
    void aStaircaseNarrowerThanEveryStepIsNotSmooth() {
        Program.Expr degrees = new Program.Call("toDegrees", List.of(new Program.Binary("-", new Program.Literal(0.0),
                new Program.Call("hypot", List.of(new Program.Var("a0"), new Program.Literal(0.0))))));
        Program.Expr scaled = new Program.Binary("*", new Program.Var("a0"), new Program.Binary("*", degrees,
                new Program.Binary("*", new Program.Literal(2.47), degrees)));
        Method staircase = new Method("staircase", List.of("a0", "a1"), List.of(new Program.Return(new Program.Call(
                "floor", List.of(new Program.Binary("+", new Program.Binary("*", scaled, scaled),
                        new Program.Binary("*", new Program.Var("a1"), new Program.Var("a1"))))))));
        ToDoubleFunction<double[]> f = x -> {
            double degreesOfA0 = Math.toDegrees(0.0 - Math.hypot(x[0], 0.0));
            double scaledA0 = x[0] * (degreesOfA0 * (2.47 * degreesOfA0));
            return Math.floor(scaledA0 * scaledA0 + x[1] * x[1]);
        };
        PointCheck.Outcome outcome = PointCheck.check(staircase, new double[] {-1.9277754190827685,
            -0.9281566080455281}, f, (x, gradient) -> f.applyAsDouble(x));
        assertEquals(Verdict.ILL_CONDITIONED, outcome.verdict(), outcome.detail());
    }

    /**
     * Found again by the re-run of seed 2406, f1648 unshrunk: the same staircase, multiplied by a
     * smooth function, so the value moves within a stair too, by the slope without the stairs'
     * (which both paths give); every difference step adds the stairs' slope. Not smooth, skipped.
     */
    @Test
    void aNarrowStaircaseTimesASmoothFunctionIsNotSmooth() {
        Program.Expr stairs = new Program.Call("floor", List.of(new Program.Binary("*", new Program.Binary("*",
                new Program.Literal(1e9), new Program.Var("y")), new Program.Var("y"))));
        Method scaled = new Method("scaled", List.of("y"), List.of(new Program.Return(new Program.Binary("*",
                new Program.Binary("*", stairs, stairs), new Program.Var("y")))));
        ToDoubleFunction<double[]> f = x -> {
            double floor = Math.floor(1e9 * x[0] * x[0]);
            return floor * floor * x[0];
        };
        PointCheck.Outcome outcome = PointCheck.check(scaled, new double[] {0.2}, f, (x, gradient) -> {
            double floor = Math.floor(1e9 * x[0] * x[0]);
            gradient[0] += floor * floor;
            return f.applyAsDouble(x);
        });
        assertEquals(Verdict.ILL_CONDITIONED, outcome.verdict(), outcome.detail());
    }

    /**
     * Found by the hessians campaign (seed 2407, f1045): atan2 at the origin in a loop whose result
     * the method never returns. The gradient method skips the loop, whose adjoint is 0; fHvp runs it,
     * as the adjoint's tangent is NaN, and its gradient is NaN too. Where the product is not finite
     * the point is singular for second order; where it is finite, another gradient is a disagreement.
     */
    @Test
    void anHvpGradientThatDiffersWhereTheProductIsNotFiniteIsASingularPoint() {
        Method constant = new Method("constant", List.of("x"), List.of(new Program.Return(new Program.Literal(0.24))));
        PointCheck.Compiled gradientMethod = (x, gradient) -> 0.24;
        PointCheck.Outcome singular = HessianPoints.alongDirection(constant, new double[] {0.5}, gradientMethod,
                (x, direction, gradient, product) -> {
                    gradient[0] += Double.NaN;
                    product[0] += Double.NaN;
                    return 0.24;
                });
        assertEquals(Verdict.ILL_CONDITIONED, singular.verdict(), singular.detail());
        PointCheck.Outcome wrong = HessianPoints.alongDirection(constant, new double[] {0.5}, gradientMethod,
                (x, direction, gradient, product) -> {
                    gradient[0] += Double.NaN;
                    return 0.24;
                });
        assertEquals(Verdict.DISAGREE, wrong.verdict(), wrong.detail());
    }

    /**
     * Found by the tails campaign (seed 777, f5229): atan2 of a point on a ray through the
     * origin is constant, and its two partials cancel to noise (1e-16, differently on each path).
     * Measured against the size of the terms they sum, not against the gradient (0), they agree.
     */
    @Test
    void partialsThatCancelToNoiseAgree() {
        Method ray = new Method("ray", List.of("z"), List.of(new Program.Return(new Program.Call("atan2", List.of(
                new Program.Binary("/", new Program.Var("z"), new Program.Literal(0.27)), new Program.Var("z"))))));
        DifferentialFuzzer.Compilation compilation = DifferentialFuzzer.compile("Ray", List.of(ray));
        PointCheck.Outcome outcome = compilation.loaded().check(ray, new double[] {-0.4303506992715276});
        assertEquals(Verdict.AGREE, outcome.verdict(), outcome.detail());
    }

    /**
     * Found by the tails campaign (seed 777, f6784): tanh(v^3) rounds to -1 near the point, so
     * e^(-40 tanh(v^3)) is exactly e^40 there in double and finite differences see 0, while the
     * derivative is 6.7e-4, far below what the value's rounding (32) does to a difference over
     * the step. That point is ill-conditioned, not a disagreement.
     */
    @Test
    void aDerivativeBelowTheValuesRoundingIsIllConditioned() {
        Program.Var v = new Program.Var("v");
        Method saturated = new Method("saturated", List.of("adjoint", "grad"), List.of(
                new Program.Declare("v", new Program.Negate(new Program.Binary("/", new Program.Var("adjoint"),
                        new Program.Literal(2.0)))),
                new Program.Assign("v", "-", new Program.Literal(2.68)),
                new Program.Return(new Program.Call("exp", List.of(new Program.Binary("*",
                        new Program.Negate(new Program.Literal(40.0)), new Program.Call("tanh", List.of(
                                new Program.Binary("*", v, new Program.Binary("*", v, v))))))))));
        DifferentialFuzzer.Compilation compilation = DifferentialFuzzer.compile("Saturated", List.of(saturated));
        PointCheck.Outcome outcome = compilation.loaded().check(saturated,
                new double[] {0.6765571408463247, 1.8804057386626183});
        assertEquals(Verdict.ILL_CONDITIONED, outcome.verdict(), outcome.detail());
    }

    /**
     * Found by the campaign (arrays, seed 3): floor of a steep function is a staircase whose
     * stairs are narrower than every finite-difference step, so differences see a slope of about
     * 2400 where the derivative is 0. That point is ill-conditioned, not a disagreement.
     */
    @Test
    void aStaircaseNarrowerThanTheStepsIsIllConditioned() {
        Method method = new Method("f", List.of("value"), List.of(new Program.Return(new Program.Call("floor",
                List.of(new Program.Binary("*", new Program.Literal(2401.2), new Program.Var("value")))))));
        double[] point = {-1.6658142035568098};
        PointCheck.Outcome outcome = PointCheck.check(method, point,
                x -> Math.floor(2401.2 * x[0]),
                (x, gradient) -> Math.floor(2401.2 * x[0]));
        assertEquals(Verdict.ILL_CONDITIONED, outcome.verdict(), outcome.detail());
    }
}
