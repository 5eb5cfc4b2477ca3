package io.microautograd.fuzz;

import io.microautograd.fuzz.Program.Counter;
import io.microautograd.fuzz.Program.Element;
import io.microautograd.fuzz.Program.Expr;
import io.microautograd.fuzz.Program.Index;
import io.microautograd.fuzz.Program.IndexArray;
import io.microautograd.fuzz.Program.IndexElement;
import io.microautograd.fuzz.Program.IntLiteral;
import io.microautograd.fuzz.Program.Invoke;
import io.microautograd.fuzz.Program.Length;
import io.microautograd.fuzz.Program.Method;
import io.microautograd.fuzz.Program.Remainder;
import io.microautograd.fuzz.Program.ScaledIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What a statement of a generated array program may use: variables, arrays with their lengths,
 * index arrays, counters with their ranges, and the helper it may call. It draws the leaves of
 * expressions and in-bounds indices from the same random sequence as {@link ArrayProgramGenerator}.
 */
final class ArrayScope {
    private final Random random;
    private final ProgramGenerator expressions;
    final Method helper;
    final List<String> readable = new ArrayList<>();
    final List<String> assignable = new ArrayList<>();
    final Map<String, Integer> arrays = new LinkedHashMap<>();
    final Map<String, IndexArray> indexArrays = new LinkedHashMap<>();
    final List<String> writable = new ArrayList<>();
    /** Each counter in scope with the largest value it takes. */
    final Map<String, Integer> counters = new LinkedHashMap<>();
    int loopDepth;
    /** How many ifs and loops enclose the statement. */
    int nesting;

    ArrayScope(Random random, ProgramGenerator expressions, Method helper) {
        this.random = random;
        this.expressions = expressions;
        this.helper = helper;
    }

    /** A scope for a block nested in this one's statement: the same names, one level deeper. */
    ArrayScope child() {
        ArrayScope child = new ArrayScope(random, expressions, helper);
        child.readable.addAll(readable);
        child.assignable.addAll(assignable);
        child.arrays.putAll(arrays);
        child.indexArrays.putAll(indexArrays);
        child.writable.addAll(writable);
        child.counters.putAll(counters);
        child.loopDepth = loopDepth;
        child.nesting = nesting + 1;
        return child;
    }

    /**
     * Leaves beyond variables: one element of each array, and maybe a helper call, and where the
     * expressions call functions with rules, maybe a call of one of arrays ({@link RuledCalls}).
     */
    List<Expr> leaves() {
        List<Expr> out = new ArrayList<>();
        arrays.forEach((name, length) -> out.add(new Element(name, index(name, length))));
        if (!indexArrays.isEmpty()) {
            out.add(new ScaledIndex(indexElement(), random.nextBoolean() ? 0.5 : 0.25));
        }
        if (helper != null && random.nextInt(3) == 0) {
            out.add(invoke());
        }
        if (expressions.callsRuledFunctions() && !arrays.isEmpty() && random.nextInt(3) == 0) {
            out.add(RuledCalls.arrayCall(random, arrays, () -> expressions.expr(readable, List.of(), 1)));
        }
        return out;
    }

    /**
     * A call of the helper with an array of its length (when it takes one), the index array
     * of the same name and contents (when it takes one) and random scalars.
     */
    Invoke invoke() {
        List<String> fitting = arrays.entrySet().stream()
                .filter(e -> e.getValue() == helper.arrayLength()).map(Map.Entry::getKey).toList();
        List<String> passed = new ArrayList<>();
        if (!helper.arrays().isEmpty()) {
            passed.add(fitting.get(random.nextInt(fitting.size())));
        }
        helper.indexArrays().forEach(indices -> passed.add(indices.name()));
        List<Expr> arguments = new ArrayList<>();
        for (int i = passed.size(); i < helper.parameters().size(); i++) {
            arguments.add(expressions.expr(readable, List.of(), 1));
        }
        return new Invoke(helper.name(), List.copyOf(passed), List.copyOf(arguments));
    }

    /**
     * An index that is in bounds for an array of {@code length}: sometimes an element of an
     * index array, reduced modulo {@code .length} when its contents may not fit.
     */
    Index index(String array, int length) {
        if (!indexArrays.isEmpty() && random.nextInt(3) == 0) {
            IndexElement element = indexElement();
            return indexArrays.get(element.indexArray()).max() < length ? element
                    : new Remainder(element, new Length(array));
        }
        return plainIndex(array, length);
    }

    /** {@code idx[i]} for an index array in scope and an index in its bounds. */
    IndexElement indexElement() {
        List<String> candidates = new ArrayList<>(indexArrays.keySet());
        String indices = candidates.get(random.nextInt(candidates.size()));
        return new IndexElement(indices, plainIndex(indices, indexArrays.get(indices).contents().size()));
    }

    /** A literal or a counter (modulo {@code .length} when its range does not fit) below {@code length}. */
    private Index plainIndex(String array, int length) {
        List<String> inScope = new ArrayList<>(counters.keySet());
        if (inScope.isEmpty() || random.nextInt(4) == 0) {
            return new IntLiteral(random.nextInt(length));
        }
        String counter = inScope.get(random.nextInt(inScope.size()));
        return counters.get(counter) < length ? new Counter(counter)
                : new Remainder(new Counter(counter), new Length(array));
    }
}
