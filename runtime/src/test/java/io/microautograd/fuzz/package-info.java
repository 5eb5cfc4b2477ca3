/**
 * The compiler's referee: differential fuzzing of generated gradients.
 *
 * <p>Random programs ({@link io.microautograd.fuzz.Program}) are printed as Java for the
 * annotation processor and run on the {@code Value} engine; both answers, and central finite
 * differences, must agree at random points. These kinds of programs are checked:
 * <ul>
 *   <li>scalar (part 1 of the compiler): double parameters, locals, branches, every Math rule;
 *       the same programs from the same seed as before part 2, so runs stay comparable;</li>
 *   <li>arrays (part 2): one {@code double[]} parameter, 2 to 5 long at every point of a
 *       program, beside doubles; loops of at most 6 trips, nested two deep, with break and
 *       continue; overwrites of scalars and elements (the parameter array included) by
 *       contractions that keep values finite; local arrays; other names for an array in scope
 *       ({@code double[] alias3 = a;}, in loops too) read and written like their target; a call
 *       of a generated helper; read-only {@code int[]} index arrays; rectified accumulation
 *       loops that the zero-adjoint skip guards; new arrays filled by a scaled update
 *       ({@code b4[i5] += v * a[i5]}), whose reversals the compiler splits into a sum and array
 *       updates;</li>
 *   <li>shared arrays: part-2 programs with two {@code double[]} parameters of one length, each
 *       written into in about half the programs, checked with separate arrays at a program's first
 *       point and with one array (and one adjoint storage array) for both at the two others
 *       ({@link io.microautograd.fuzz.SharedArrayCalls}): the generated method and {@code fTangent}
 *       (one tangent for both) must throw the rule's pinned exception when the program writes into
 *       one of them, and otherwise give the value and gradient of the method as called, and that
 *       gradient dotted with a random direction. It is a mode of its own, so the arrays mode's
 *       programs stayed as they were for every seed;</li>
 *   <li>tails: scalar programs whose every return goes through a function in its tail (tanh or
 *       the sigmoid of up to 400 times the result, exp and expm1 of up to 400 times a bounded
 *       one, log of 1e-11 to 1e300 times a positive one, atan2 and hypot of coordinates near
 *       1e-200 or 1e200), where a derivative formula that cancels loses its digits;</li>
 *   <li>integers: double parameters named with {@code $} and {@code _}; int and long locals at
 *       their extremes ({@code MIN_VALUE}, {@code MAX_VALUE}, squares that overflow) as
 *       arguments of {@code atan2}, {@code hypot}, {@code pow}, {@code max} and {@code min} and as
 *       factors, alone or in sums and products that overflow; {@code for} and {@code while} loops
 *       with int and long counters from and to those extremes, rising and falling, by steps up to
 *       {@code Integer.MAX_VALUE}, with {@code !=} tests that follow a counter through its wrap,
 *       nested, with break and continue. Each header is run in the generator with Java's
 *       arithmetic and kept only if it stops within five trips, so the numbers are large and the
 *       loops short;</li>
 *   <li>everyday: Java as people write it ({@link io.microautograd.fuzz.EverydayProgramGenerator}):
 *       switch statements, classic and with arrows, and switch expressions, in loops and around
 *       them, on loop counters, their remainders and doubles cut to ints; {@code var} for locals,
 *       local arrays and loop variables; Math calls written with their class, with
 *       {@code StrictMath}, in full or through static imports
 *       ({@link io.microautograd.fuzz.CallSpellings}); {@code fma}, {@code toRadians},
 *       {@code toDegrees}, {@code copySign}, {@code scalb} and {@code round}; guards that throw at
 *       some of the points ({@link io.microautograd.fuzz.GuardCheck}); helpers overloaded by
 *       parameter type and called with arguments that pick each member as Java's resolution does
 *       ({@link io.microautograd.fuzz.HelperFamilies}), some named like a Math function.</li>
 * </ul>
 *
 * <p>The engine comparison is relative to the gradient's size, or to the size of the terms its
 * partials sum where they cancel ({@link io.microautograd.fuzz.AbsoluteGradient}), without a
 * floor: a gradient of 1e-18 is held to 1e-28, where against a floor of 1 a saturated sigmoid
 * whose derivative came out 0 instead of 7e-18 would pass. Finite differences are not held to a
 * derivative below what the value's rounding does to them over the step (e^(-40 tanh(u)) with
 * tanh(u) rounded to -1 is exactly e^40 near the point): such a point is ill-conditioned.
 * The sigmoid is a call of its own in the programs: Java spells it as the engine computes it,
 * {@code z >= 0 ? 1 / (1 + e^-z) : e^z / (1 + e^z)}, and the engine runs it as its one
 * operation, so the comparison holds the engine's sigmoid rule to the chain rule through exp.
 *
 * <p>Choices the issue leaves open: a point flattens each array into consecutive slots and so
 * does the gradient ({@link io.microautograd.fuzz.ParameterLayout}); the generated method must
 * leave the caller's arrays as they were, and the original method gets fresh copies at every
 * call because it may write into them. A helper writing into its array parameter changes its
 * caller's array, as in Java; the compiler got that wrong and now rejects such calls with an
 * error, so those programs are outside the subset: they are a mode of their own
 * ({@code -Dfuzz.modes=helper_writes}) outside the default run, where every program the
 * processor rejects counts against it. Scalars named like the hidden index of an enhanced for
 * ({@code -Dfuzz.modes=index_names}) found a bug now fixed; both are pinned in
 * {@code FuzzRegressionsTest}.
 *
 * <p>Mode {@code separate_runs} ({@link io.microautograd.fuzz.SeparateRuns}) takes the
 * {@code helper_writes} programs and compiles each batch's helpers in a javac run before the
 * methods that call them, which then see the helpers only as class files; the in-memory compiler
 * puts an earlier run's classes on a later run's class path. The whole batch is compiled in one
 * run too, and each program must fare alike: rejected with the same messages, or accepted with a
 * right gradient, so programs outside the subset count here and the rule that rejects them is
 * checked. It found that a caller compiled after a helper writing into its array got a wrong
 * gradient where one run rejects the call; the processor now reads what the helper's generated
 * class records ({@code @DifferentiableFacts}). Its findings are shrunk by the same comparison; the
 * regression test they print compiles in one run, so such a finding's test belongs with the
 * processor's two-run tests ({@code SeparateCompilationTest}).
 *
 * <p>Aliases are part of the arrays mode, not a mode of their own: about one statement in eight
 * declares one (two programs in three have at least one), which changed that mode's programs
 * for every seed when they came; the scalar mode is untouched. The interpreter gives an alias
 * the very {@code Value[]} of its target, as Java shares the storage. A compiler that forgot
 * that an element read through one name is overwritten through the other (fixed in the
 * processor's {@code ArrayAliases}) disagrees within the default run's 300 array programs.
 * The shrinker drops an alias declaration like any other statement and keeps only candidates
 * that still compile, so a used alias stays declared.
 *
 * <p>{@code int[]} parameters are part of the arrays mode too (which again changed its programs
 * for every seed). Their contents are fixed per program, chosen below the array parameter's
 * length with repeats, and passed unchanged at every point: they take no slot of a point or of
 * the gradient, as the compiler differentiates no int. The shrinker leaves the contents and every
 * index alone, so no candidate reads out of bounds. A helper that takes one gets its caller's
 * array of the same name, whose contents it was generated for. An accumulation loop's sum
 * is read only through its rectified copy, which the result adds in, so a zero adjoint reaches
 * the loop wherever the rectifier is off (a dot product is negative at about half the points) and
 * the skip is exercised, not only generated; the counts
 * report the guarded loop reversals and those split into sums and updates (the comment the
 * processor writes over each). The scaled update loops came with the split and changed the arrays
 * mode's programs for every seed; before them no program's reversal had the split's shape.
 *
 * <p>Everyday programs each get a compilation unit of their own ({@link
 * io.microautograd.fuzz.SeparateUnits}), compiled a batch to a javac run: a static import holds
 * for its whole unit, and a helper named like a Math function hides that function from every
 * method of its class. The interpreter gives StrictMath's functions StrictMath's value, added to
 * the engine's node as a constant (a difference of an ulp or so, exact), so the gradient is the
 * engine's (whose operations include fma, toRadians, toDegrees, scalb, copySign and round,
 * which programs write {@code (double) Math.round(x)}, so that no arithmetic runs in long). A
 * guard compares a variable with a threshold between 1.3 and 1.9 in size, so that it throws at
 * some of the points drawn from [-2, 2] and not at most; where the original throws, the
 * generated method and the engine must throw an exception of the same class with the same
 * message, and a guard that throws within a finite-difference step makes the point
 * ill-conditioned. A helper's call passes now and then an int or a long where the member
 * it was drawn for wants a wider type, when the call still resolves ({@link
 * io.microautograd.fuzz.OverloadResolution}); the interpreter runs the member that resolution
 * picks, and javac's pick, which the original method runs, is held to it by the value check.
 */
package io.microautograd.fuzz;
