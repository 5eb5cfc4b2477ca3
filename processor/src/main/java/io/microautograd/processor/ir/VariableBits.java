package io.microautograd.processor.ir;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A numbering of variables in the order they are first met, so that a set of them is a bit set:
 * an analysis that keeps a set per statement copies a few words per statement, not a hash set.
 * {@link #asSet} shows such bits as a read-only {@code Set<Variable>}.
 */
public final class VariableBits {

    private final Map<Variable, Integer> numbers = new HashMap<>();
    private final List<Variable> variables = new ArrayList<>();

    /** The number of {@code v}, given it now if it has none yet. */
    public int numberOf(Variable v) {
        Integer number = numbers.get(v);
        if (number == null) {
            number = variables.size();
            numbers.put(v, number);
            variables.add(v);
        }
        return number;
    }

    /** The bits of the variables in {@code set}. */
    public BitSet bitsOf(Set<Variable> set) {
        BitSet bits = new BitSet();
        for (Variable v : set) {
            bits.set(numberOf(v));
        }
        return bits;
    }

    /** The variables whose bits are set, as a read-only set; {@code bits} must not change afterwards. */
    public Set<Variable> asSet(BitSet bits) {
        return new AsSet(bits);
    }

    private final class AsSet extends AbstractSet<Variable> {

        private final BitSet bits;

        AsSet(BitSet bits) {
            this.bits = bits;
        }

        @Override
        public boolean contains(Object o) {
            Integer number = o instanceof Variable v ? numbers.get(v) : null;
            return number != null && bits.get(number);
        }

        @Override
        public int size() {
            return bits.cardinality();
        }

        @Override
        public Iterator<Variable> iterator() {
            return new Iterator<>() {
                private int next = bits.nextSetBit(0);

                @Override
                public boolean hasNext() {
                    return next >= 0;
                }

                @Override
                public Variable next() {
                    if (next < 0) {
                        throw new NoSuchElementException();
                    }
                    Variable v = variables.get(next);
                    next = bits.nextSetBit(next + 1);
                    return v;
                }
            };
        }
    }
}
