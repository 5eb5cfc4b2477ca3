package io.microautograd.processor.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sets of variables as bits: numbers given once, and the bits read back as an ordinary set. */
class VariableBitsTest {

    private static final Variable X = new Variable("x", Type.DOUBLE, 0, Variable.Role.PARAMETER);
    private static final Variable Y = new Variable("y", Type.DOUBLE, 1, Variable.Role.LOCAL);
    private static final Variable Z = new Variable("z", Type.DOUBLE_ARRAY, 2, Variable.Role.LOCAL);

    @Test
    void aVariableKeepsTheNumberItWasFirstGiven() {
        VariableBits numbering = new VariableBits();
        assertEquals(0, numbering.numberOf(Y));
        assertEquals(1, numbering.numberOf(X));
        assertEquals(0, numbering.numberOf(new Variable("y", Type.DOUBLE, 1, Variable.Role.LOCAL)));
    }

    @Test
    void theBitsOfASetReadBackAsThatSet() {
        VariableBits numbering = new VariableBits();
        numbering.numberOf(Z);
        numbering.numberOf(X);
        numbering.numberOf(Y);
        Set<Variable> set = numbering.asSet(numbering.bitsOf(Set.of(Y, X)));
        assertEquals(Set.of(X, Y), set);
        assertEquals(Set.of(X, Y).hashCode(), set.hashCode());
        assertEquals(2, set.size());
        assertTrue(set.contains(X));
        assertFalse(set.contains(Z));
        assertFalse(set.contains(new Variable("w", Type.DOUBLE, 3, Variable.Role.LOCAL)));
        assertFalse(set.contains("x"));
        assertEquals(List.of(X, Y), set.stream().toList());
    }

    @Test
    void theSetCannotBeChangedAndItsIteratorEnds() {
        VariableBits numbering = new VariableBits();
        Set<Variable> set = numbering.asSet(numbering.bitsOf(Set.of(X)));
        assertThrows(UnsupportedOperationException.class, () -> set.add(Y));
        var iterator = set.iterator();
        iterator.next();
        assertThrows(java.util.NoSuchElementException.class, iterator::next);
        assertEquals(Set.of(), numbering.asSet(new BitSet()));
    }
}
