package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.JavaFileObjects;
import org.junit.jupiter.api.Test;

/**
 * Generated code reads like a person's: over the whole corpus of {@link ScalarFunctionsTest} and
 * {@link ArrayAndLoopFunctionsTest}, of order 1 and 2, no negation of a negation, no statement written twice in a
 * row, and no local computed or popped that nothing reads ({@link ReadableCode}).
 */
class ReadableCodeTest {

    @Test
    void scalarFunctions() {
        GeneratedCode code = GeneratedCode.compile("p.Functions", ScalarFunctionsTest.source());
        assertEquals("", String.join("\n", ReadableCode.defects(code.compilation())));
    }

    @Test
    void arrayAndLoopFunctions() {
        GeneratedCode code = GeneratedCode.compile(JavaFileObjects.forSourceString("p.Numeric",
                ArrayAndLoopFunctionsTest.SOURCE), JavaFileObjects.forSourceString("p.Shapes",
                ArrayAndLoopFunctionsTest.SHAPES));
        assertEquals("", String.join("\n", ReadableCode.defects(code.compilation())));
    }

    @Test
    void secondOrderMethods() {
        GeneratedCode code = GeneratedCode.compile(JavaFileObjects.forSourceString("p.Functions",
                SecondOrderSources.of(ScalarFunctionsTest.source())), JavaFileObjects.forSourceString("p.Numeric",
                SecondOrderSources.of(ArrayAndLoopFunctionsTest.SOURCE)), JavaFileObjects.forSourceString("p.Shapes",
                SecondOrderSources.of(ArrayAndLoopFunctionsTest.SHAPES)));
        assertEquals("", String.join("\n", ReadableCode.defects(code.compilation())));
    }
}
