package io.microautograd.fuzz;

import io.microautograd.fuzz.Program.Assign;
import io.microautograd.fuzz.Program.Binary;
import io.microautograd.fuzz.Program.Break;
import io.microautograd.fuzz.Program.Call;
import io.microautograd.fuzz.Program.Compare;
import io.microautograd.fuzz.Program.Continue;
import io.microautograd.fuzz.Program.Counter;
import io.microautograd.fuzz.Program.Declare;
import io.microautograd.fuzz.Program.DeclareAlias;
import io.microautograd.fuzz.Program.DeclareArray;
import io.microautograd.fuzz.Program.Element;
import io.microautograd.fuzz.Program.Expr;
import io.microautograd.fuzz.Program.For;
import io.microautograd.fuzz.Program.ForEach;
import io.microautograd.fuzz.Program.ForEachIndex;
import io.microautograd.fuzz.Program.If;
import io.microautograd.fuzz.Program.Index;
import io.microautograd.fuzz.Program.IndexArray;
import io.microautograd.fuzz.Program.IntLiteral;
import io.microautograd.fuzz.Program.Length;
import io.microautograd.fuzz.Program.Literal;
import io.microautograd.fuzz.Program.Method;
import io.microautograd.fuzz.Program.Return;
import io.microautograd.fuzz.Program.Stmt;
import io.microautograd.fuzz.Program.Store;
import io.microautograd.fuzz.Program.Ternary;
import io.microautograd.fuzz.Program.Var;
import io.microautograd.fuzz.Program.While;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes random methods in the compiler's part-2 subset: a {@code double[]} parameter (2 to 5
 * long, or two of one length when asked) beside double ones; {@code for} loops over an array or a
 * fixed count, {@code while} loops with an int counter and enhanced {@code for}, nested two deep;
 * {@code break} and {@code continue} under conditions; scalars and array elements overwritten
 * inside loops (also in the parameter array); local arrays allocated outside loops; other names for an array in
 * scope ({@code double[] alias3 = a;}, inside loops too), read and written like their target;
 * and calls of a generated helper method (an array and scalars, no recursion) that may itself
 * loop, and may write into its array when asked to. The method takes one or two read-only
 * {@code int[]} index arrays in two programs in three, 2 to 6 long with repeated entries below
 * the array parameter's length, used as {@code x[idx[i]]}, {@code (idx[i] * 0.5)}, a {@code for}
 * bound {@code idx.length} and {@code for (int j : idx)}, and passed on to its helper's
 * {@code int[]} parameter (of the same name, so the helper knows the contents) half the time.
 *
 * <p>At the top level a method may accumulate a dot product or sum of squares in a loop that
 * does nothing else ({@code s += a[i] * x[idx[i]]}) and rectify it ({@code s > 0.0 ? s : 0.0},
 * {@code Math.max(s, 0.0)}, or an if that zeroes it): the loops whose reverse sweep the compiler
 * skips under a zero adjoint. Only the rectified value is read afterwards, and the result adds
 * it in, so a zero adjoint reaches the loop wherever the rectifier is off: at about half the
 * points for a dot product, never for a sum of squares. A top-level statement may also fill a new
 * array by a scaled update ({@code b4[i5] += v * a[i5]}), whose reversal the compiler splits into
 * the sum for v's adjoint and the updates of a's.
 *
 * <p>Values stay finite by construction: expressions come from {@link ProgramGenerator} (domain
 * safe), loops run at most 6 times, and a variable or element updated inside a loop is updated
 * by a contraction ({@code v = 0.8 * v + tanh(...)}, {@code v *= 1 + 0.2 * sin(...)},
 * {@code v /= 1.5 + e * e}, {@code v += atan(...)}). An index is a literal below the array's
 * length, a counter whose range fits, or a counter modulo {@code .length}.
 */
final class ArrayProgramGenerator {

    private static final String[] ARRAY_NAMES = {"a", "xs", "dA", "data", "gradient", "dValue", "trips", "tape"};
    private static final String[] INDEX_ARRAY_NAMES = {"idx", "perm", "cols", "order"};
    /** One top-level statement in this many is a rectified accumulation loop. */
    private static final int ACCUMULATION_ODDS = 4;
    /** One top-level statement in this many fills a new array by a scaled update loop. */
    private static final int SCALED_UPDATE_ODDS = 6;
    private static final int MAX_TRIPS = 6;
    private static final int MAX_LOOP_DEPTH = 2;
    private static final int MAX_NESTING = 3;
    /** One statement in this many declares another name for an array in scope. */
    private static final int ALIAS_ODDS = 8;

    private final Random random;
    private final ProgramGenerator expressions;
    private final boolean helpersWriteIntoArrays;
    private final boolean indexLikeNames;
    private final boolean twoArrays;
    private int names;
    /** The rectified accumulations of the method being written, which its result adds in. */
    private List<String> rectified = new ArrayList<>();

    /**
     * @param helpersWriteIntoArrays whether a helper may write into its array parameter (and so
     *     into its caller's array)
     * @param indexLikeNames whether a scalar may be called {@code eIndex} while an enhanced for
     *     names its element {@code e}: the name the compiler gives that loop's hidden index
     * @param twoArrays whether the method takes a second {@code double[]} of the same length, each
     *     of its two arrays then written into in about half the programs (so that both are only read
     *     in about a quarter)
     */
    ArrayProgramGenerator(long seed, boolean helpersWriteIntoArrays, boolean indexLikeNames, boolean twoArrays) {
        this(new Random(seed), false, helpersWriteIntoArrays, indexLikeNames, twoArrays);
    }

    private ArrayProgramGenerator(Random random, boolean ruled, boolean helpersWriteIntoArrays, boolean indexLikeNames,
            boolean twoArrays) {
        this.random = random;
        this.expressions = ruled ? ProgramGenerator.withRuledFunctions(random) : new ProgramGenerator(random);
        this.helpersWriteIntoArrays = helpersWriteIntoArrays;
        this.indexLikeNames = indexLikeNames;
        this.twoArrays = twoArrays;
    }

    /**
     * A generator whose expressions also call the functions of {@link RuledFunctions}: those of
     * scalars anywhere, those of arrays as leaves, on the arrays in scope ({@link RuledCalls}).
     */
    static ArrayProgramGenerator withRuledFunctions(long seed) {
        return new ArrayProgramGenerator(new Random(seed), true, false, false, false);
    }

    /** A random method called {@code name}, maybe with a helper called {@code name + "Helper"}. */
    Method method(String name) {
        names = 0;
        int length = 2 + random.nextInt(4);
        List<IndexArray> indexArrays = indexArrays(length);
        List<IndexArray> passedOn = indexArrays.isEmpty() || random.nextBoolean() ? List.of()
                : indexArrays.subList(0, 1);
        Method helper = random.nextBoolean() ? method(name + "Helper", length, null, true, passedOn) : null;
        return method(name, length, helper, false, indexArrays);
    }

    /**
     * A method; a helper takes its array (if it has one: two in three do) first, then the index
     * array its caller passes on (if any), which is how calls print their arguments.
     */
    private Method method(String name, int length, Method helper, boolean arrayFirst,
            List<IndexArray> indexArrays) {
        String array = ARRAY_NAMES[random.nextInt(ARRAY_NAMES.length)];
        String secondArray = twoArrays && !arrayFirst ? otherArrayName(array) : null;
        boolean hasArray = !arrayFirst || random.nextInt(3) > 0;
        List<String> pool = new ArrayList<>(List.of(ProgramGenerator.parameterNames()));
        if (indexLikeNames) {
            pool.add("eIndex");
        }
        List<String> scalars = new ArrayList<>();
        int count = 1 + random.nextInt(helper == null ? 2 : 3);
        while (scalars.size() < count) {
            String candidate = pool.get(random.nextInt(pool.size()));
            if (!scalars.contains(candidate) && !candidate.equals(array) && !candidate.equals(secondArray)) {
                scalars.add(candidate);
            }
        }
        List<String> parameters = new ArrayList<>(scalars);
        rectified = new ArrayList<>();
        ArrayScope scope = new ArrayScope(random, expressions, helper);
        scope.readable.addAll(scalars);
        scope.assignable.addAll(scalars);
        List<String> arrays = new ArrayList<>();
        if (hasArray) {
            arrays.add(array);
        }
        if (secondArray != null) {
            arrays.add(secondArray);
        }
        for (String parameter : arrays) {
            parameters.add(arrayFirst ? 0 : random.nextInt(parameters.size() + 1), parameter);
            scope.arrays.put(parameter, length);
            if (arrayFirst ? helpersWriteIntoArrays : secondArray == null || random.nextBoolean()) {
                scope.writable.add(parameter);
            }
        }
        for (IndexArray indices : indexArrays) {
            scope.indexArrays.put(indices.name(), indices);
            parameters.add(arrayFirst ? (hasArray ? 1 : 0) : random.nextInt(parameters.size() + 1), indices.name());
        }
        List<Stmt> body = new ArrayList<>();
        block(body, scope, 2 + random.nextInt(4));
        Expr result = expressions.expr(scope.readable, scope.leaves(), 3);
        for (String rectifiedSum : rectified) {
            result = new Binary("+", result, new Var(rectifiedSum));
        }
        // Every helper is called at least once, at the end, where it sees the arrays' final values.
        body.add(new Return(helper == null ? result : new Binary("+", scope.invoke(), result)));
        return new Method(name, List.copyOf(parameters), List.copyOf(arrays), length,
                List.copyOf(body), helper == null ? List.of() : List.of(helper),
                List.copyOf(scope.indexArrays.values()));
    }

    /** An array parameter's name other than {@code taken}. */
    private String otherArrayName(String taken) {
        String name = taken;
        while (name.equals(taken)) {
            name = ARRAY_NAMES[random.nextInt(ARRAY_NAMES.length)];
        }
        return name;
    }

    /**
     * None (one time in three), one or two {@code int[]} parameters with contents below
     * {@code length} (repeats allowed).
     */
    private List<IndexArray> indexArrays(int length) {
        Map<String, IndexArray> out = new LinkedHashMap<>();
        int count = random.nextInt(3);
        while (out.size() < count) {
            String name = INDEX_ARRAY_NAMES[random.nextInt(INDEX_ARRAY_NAMES.length)];
            if (!out.containsKey(name)) {
                List<Integer> contents = new ArrayList<>();
                for (int i = 2 + random.nextInt(5); i > 0; i--) {
                    contents.add(random.nextInt(length));
                }
                out.put(name, new IndexArray(name, List.copyOf(contents)));
            }
        }
        return List.copyOf(out.values());
    }

    private void block(List<Stmt> out, ArrayScope scope, int length) {
        for (int i = 0; i < length; i++) {
            if (!scope.arrays.isEmpty() && random.nextInt(ALIAS_ODDS) == 0) {
                out.add(alias(scope));
                continue;
            }
            if (scope.nesting == 0 && !scope.arrays.isEmpty() && random.nextInt(ACCUMULATION_ODDS) == 0) {
                out.addAll(rectifiedAccumulation(scope));
                continue;
            }
            List<Stmt> scaledUpdate = scope.nesting == 0 && !scope.arrays.isEmpty()
                    && random.nextInt(SCALED_UPDATE_ODDS) == 0 ? scaledUpdate(scope) : List.of();
            if (!scaledUpdate.isEmpty()) {
                out.addAll(scaledUpdate);
                continue;
            }
            int kind = random.nextInt(scope.nesting >= MAX_NESTING ? 6 : scope.loopDepth < MAX_LOOP_DEPTH ? 11 : 8);
            if (kind < 2 || kind < 4 && scope.assignable.isEmpty() || kind < 6 && scope.writable.isEmpty()) {
                String name = "v" + names++;
                out.add(new Declare(name, expressions.expr(scope.readable, scope.leaves(), 3)));
                scope.readable.add(name);
                scope.assignable.add(name);
            } else if (kind < 4) {
                String target = scope.assignable.get(random.nextInt(scope.assignable.size()));
                ProgramGenerator.Update update = expressions.update(new Var(target), scope.readable, scope::leaves,
                        scope.loopDepth > 0);
                out.add(new Assign(target, update.op(), update.value()));
            } else if (kind < 6) {
                String array = scope.writable.get(random.nextInt(scope.writable.size()));
                Index index = scope.index(array, scope.arrays.get(array));
                ProgramGenerator.Update update = expressions.update(new Element(array, index), scope.readable,
                        scope::leaves, scope.loopDepth > 0);
                out.add(new Store(array, index, update.op(), update.value()));
            } else if (kind < 8) {
                out.add(branch(scope));
            } else if (kind == 8 && scope.loopDepth == 0) {
                String name = "b" + names++;
                int size = 2 + random.nextInt(4);
                String sized = sizedLike(scope, size);
                out.add(new DeclareArray(name, sized == null ? new IntLiteral(size) : new Length(sized)));
                scope.arrays.put(name, size);
                scope.writable.add(name);
            } else {
                out.add(loop(scope));
            }
        }
    }

    /**
     * {@code double[] bN = new double[source.length];} then {@code for (int iN = 0; iN <
     * source.length; iN++) { bN[iN] += v * source[iN]; }}, source an array in scope, v a scalar in
     * scope, bN a new array later statements may read and write: the loops whose reversal the
     * compiler splits into a sum (v's adjoint) and array updates (source's). Empty when no scalar
     * is in scope.
     */
    private List<Stmt> scaledUpdate(ArrayScope scope) {
        if (scope.readable.isEmpty()) {
            return List.of();
        }
        List<String> arrays = new ArrayList<>(scope.arrays.keySet());
        String source = arrays.get(random.nextInt(arrays.size()));
        String target = "b" + names++;
        String counter = "i" + names++;
        Var scale = new Var(scope.readable.get(random.nextInt(scope.readable.size())));
        List<Stmt> out = List.of(new DeclareArray(target, new Length(source)),
                new For(counter, new Length(source), List.of(new Store(target, new Counter(counter), "+",
                        new Binary("*", scale, new Element(source, new Counter(counter)))))));
        scope.arrays.put(target, scope.arrays.get(source));
        scope.writable.add(target);
        return out;
    }

    /**
     * {@code double sN = 0.0; for (int iN = 0; iN < bound; iN++) { sN += p * q; }} over the
     * length of an array or an index array, or {@code for (int iN : idx)}, p and q elements of
     * arrays in scope (the same one twice for a sum of squares), then {@code rN}, sN rectified,
     * the only name of it later statements read.
     */
    private List<Stmt> rectifiedAccumulation(ArrayScope scope) {
        String sum = "s" + names++;
        String counter = "i" + names++;
        List<String> arrays = new ArrayList<>(scope.arrays.keySet());
        List<String> indexArrays = new ArrayList<>(scope.indexArrays.keySet());
        String first = arrays.get(random.nextInt(arrays.size()));
        String overIndices = indexArrays.isEmpty() || random.nextBoolean() ? null
                : indexArrays.get(random.nextInt(indexArrays.size()));
        boolean enhanced = overIndices != null && random.nextBoolean();
        ArrayScope inner = scope.child();
        inner.counters.clear();
        inner.counters.put(counter, overIndices == null ? scope.arrays.get(first) - 1
                : enhanced ? scope.indexArrays.get(overIndices).max()
                : scope.indexArrays.get(overIndices).contents().size() - 1);
        Element left = new Element(first, inner.index(first, scope.arrays.get(first)));
        String second = random.nextInt(3) == 0 ? first : arrays.get(random.nextInt(arrays.size()));
        Element right = second.equals(first) && random.nextBoolean() ? left
                : new Element(second, inner.index(second, scope.arrays.get(second)));
        List<Stmt> out = new ArrayList<>();
        out.add(new Declare(sum, new Literal(0.0)));
        List<Stmt> body = List.of(new Assign(sum, "+", new Binary("*", left, right)));
        out.add(enhanced ? new ForEachIndex(counter, overIndices, body)
                : new For(counter, new Length(overIndices == null ? first : overIndices), body));
        String result = "r" + names++;
        Var accumulated = new Var(sum);
        Literal zero = new Literal(0.0);
        switch (random.nextInt(3)) {
            case 0:
                out.add(new Declare(result, new Ternary(new Compare(">", accumulated, zero), accumulated, zero)));
                break;
            case 1:
                out.add(new Declare(result, new Call("max", List.of(accumulated, zero))));
                break;
            default:
                out.add(new Declare(result, accumulated));
                out.add(new If(new Compare("<", accumulated, zero), List.of(new Assign(result, "", zero)), List.of()));
        }
        scope.readable.add(result);
        rectified.add(result);
        return out;
    }

    /**
     * {@code double[] aliasN = target;} for an array in scope, which later statements read and
     * write (when the target is writable) like any other array; allowed inside loops too, since
     * it allocates nothing.
     */
    private DeclareAlias alias(ArrayScope scope) {
        List<String> arrays = new ArrayList<>(scope.arrays.keySet());
        String target = arrays.get(random.nextInt(arrays.size()));
        String name = "alias" + names++;
        scope.arrays.put(name, scope.arrays.get(target));
        if (scope.writable.contains(target)) {
            scope.writable.add(name);
        }
        return new DeclareAlias(name, target);
    }

    /** An array in scope of {@code length}, to size a new one by its {@code .length}, or null. */
    private String sizedLike(ArrayScope scope, int length) {
        return scope.arrays.entrySet().stream().filter(e -> e.getValue() == length && random.nextBoolean())
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private If branch(ArrayScope scope) {
        List<Stmt> then = new ArrayList<>();
        block(then, scope.child(), 1 + random.nextInt(2));
        if (random.nextInt(3) == 0) {
            then.add(scope.loopDepth > 0 ? (random.nextBoolean() ? new Break() : new Continue())
                    : new Return(expressions.expr(scope.readable, scope.leaves(), 2)));
        }
        List<Stmt> otherwise = new ArrayList<>();
        if (random.nextBoolean()) {
            block(otherwise, scope.child(), 1 + random.nextInt(2));
        }
        return new If(expressions.cond(scope.readable, scope.leaves(), 2), List.copyOf(then), List.copyOf(otherwise));
    }

    private Stmt loop(ArrayScope scope) {
        ArrayScope inner = scope.child();
        inner.loopDepth++;
        List<String> arrays = new ArrayList<>(scope.arrays.keySet());
        String array = arrays.isEmpty() ? null : arrays.get(random.nextInt(arrays.size()));
        List<Stmt> body = new ArrayList<>();
        if (!scope.indexArrays.isEmpty() && random.nextBoolean()) {
            return indexLoop(scope, inner);
        }
        switch (array == null ? 1 + random.nextInt(2) : random.nextInt(3)) {
            case 0: {
                String element = indexLikeNames && !scope.readable.contains("e") ? "e" : "e" + names++;
                inner.readable.add(element);
                block(body, inner, 1 + random.nextInt(3));
                return new ForEach(element, array, List.copyOf(body));
            }
            case 1: {
                String counter = "i" + names++;
                boolean overArray = array != null && random.nextBoolean();
                int trips = overArray ? scope.arrays.get(array) : 1 + random.nextInt(MAX_TRIPS);
                inner.counters.put(counter, trips - 1);
                block(body, inner, 1 + random.nextInt(3));
                return new For(counter, overArray ? new Length(array) : new IntLiteral(trips), List.copyOf(body));
            }
            default: {
                String counter = "k" + names++;
                int trips = 1 + random.nextInt(MAX_TRIPS);
                inner.counters.put(counter, trips);
                block(body, inner, 1 + random.nextInt(3));
                return new While(counter, new IntLiteral(trips), List.copyOf(body));
            }
        }
    }

    /** {@code for (int jN : idx)} or {@code for (int iN = 0; iN < idx.length; iN++)}. */
    private Stmt indexLoop(ArrayScope scope, ArrayScope inner) {
        List<String> candidates = new ArrayList<>(scope.indexArrays.keySet());
        IndexArray indices = scope.indexArrays.get(candidates.get(random.nextInt(candidates.size())));
        List<Stmt> body = new ArrayList<>();
        if (random.nextBoolean()) {
            String element = "j" + names++;
            inner.counters.put(element, indices.max());
            block(body, inner, 1 + random.nextInt(3));
            return new ForEachIndex(element, indices.name(), List.copyOf(body));
        }
        String counter = "i" + names++;
        inner.counters.put(counter, indices.contents().size() - 1);
        block(body, inner, 1 + random.nextInt(3));
        return new For(counter, new Length(indices.name()), List.copyOf(body));
    }
}
