/**
 * From javac trees to the IR: the fence that admits the supported subset of Java.
 *
 * <p>Method bodies are not type-attributed while processors run, so the reader infers types
 * itself over the subset's seven (double, int, long, boolean, double[], double[][], int[]) and resolves
 * names through the compilation unit's imports and the Elements API. Choices where the issue is
 * silent: a {@code private static final} constant is inlined from its compile-time value (the
 * generated class cannot read it); other static finals are referenced by name; locals may be
 * declared without an initializer, or with {@code var}, which takes its initial value's type;
 * casts to double, float, int and long are allowed (float values are doubles holding the float's
 * value, {@link io.microautograd.processor.ir.FloatTyping}); {@code %} is allowed on int and long
 * values only. Names without a class (methods and constants) resolve as Java resolves them: the
 * enclosing classes, inherited members included, then single static imports, then those on
 * demand ({@code Symbols.ownerOf}); {@code StrictMath} calls are Math calls computed by
 * {@code StrictMath}.
 *
 * <p>Statements that are not the IR's own are read into it: a {@code switch} becomes if/else over
 * its labels ({@link SwitchReader}, fall-through and breaks included), a guard becomes a
 * {@code Stmt.Throw} ({@link GuardReader}).
 *
 * <p>Arrays: an array local gets its array once, where it is declared (an allocation, an
 * initializer, or a reference to a parameter, another local or a matrix row); allocations stay
 * outside loops, and rows are never replaced, so every array the reverse sweep touches has a
 * single adjoint array beside it. {@code return} stays outside loops and {@code break} and
 * {@code continue} leave the innermost one. An enhanced {@code for} is read as a counted loop
 * over the indices. Calls resolve by class, name and argument types, choosing among overloads
 * as Java does ({@link Overloads}); the callee's parameter and return types must be in the subset.
 *
 * <p>Errors: reading goes on after a rejection, statement by statement and operand by operand,
 * so that one compile reports every unsupported construct ({@link Rejections}); a construct with a
 * rejected part, and every use of a name whose declaration was rejected, is given up without a
 * message of its own. Messages quote code as the user wrote it ({@link SourceText}), and a
 * {@code wrt} name that is not a differentiable parameter is reported at that name in the
 * annotation.
 *
 * <p>{@code int[]} (index arrays: sparse structure, permutations, labels, layouts) is admitted
 * as a read-only parameter and nothing else: its elements are int values usable as indices and
 * in arithmetic, its {@code length}, an enhanced {@code for} with an int variable, and passing it
 * on to a callee's {@code int[]} parameter. Writes into it, assigning the parameter, int array
 * locals and allocations, and {@code int[][]} are {@code [MicroAutograd:IntArray]} errors. Since
 * nothing the method runs changes such an array, the reverse sweep reads it as the forward sweep
 * did and nothing about it goes on the tape. A plain (not {@code @Differentiable}) callee that
 * receives one is trusted to leave it unchanged, as it is with {@code double[]} arguments.
 */
package io.microautograd.processor.parse;
