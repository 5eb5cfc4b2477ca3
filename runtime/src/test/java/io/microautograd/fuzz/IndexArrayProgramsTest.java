package io.microautograd.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.engine.Value;
import io.microautograd.fuzz.Program.Assign;
import io.microautograd.fuzz.Program.Binary;
import io.microautograd.fuzz.Program.Call;
import io.microautograd.fuzz.Program.Counter;
import io.microautograd.fuzz.Program.Declare;
import io.microautograd.fuzz.Program.Element;
import io.microautograd.fuzz.Program.For;
import io.microautograd.fuzz.Program.ForEachIndex;
import io.microautograd.fuzz.Program.IndexArray;
import io.microautograd.fuzz.Program.IndexElement;
import io.microautograd.fuzz.Program.Length;
import io.microautograd.fuzz.Program.Literal;
import io.microautograd.fuzz.Program.Method;
import io.microautograd.fuzz.Program.Return;
import io.microautograd.fuzz.Program.ScaledIndex;
import io.microautograd.fuzz.Program.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Read-only {@code int[]} parameters in fuzzer programs, and the rectified accumulation loops
 * whose reverse sweep the compiler skips under a zero adjoint.
 */
class IndexArrayProgramsTest {

    private static final IndexArray IDX = new IndexArray("idx", List.of(2, 0, 2));

    /**
     * {@code f(x, idx, w)}: {@code double s = 0.0; for (i < idx.length) s += x[idx[i]] * (idx[i] * 0.5);
     * double r = Math.max(s, 0.0); for (int j : idx) r += w * x[j]; return r;}, with idx {2, 0, 2}:
     * {@code max(2 x[2], 0) + w (2 x[2] + x[0])}.
     */
    private static final Method GATHERS = new Method("f", List.of("x", "idx", "w"), List.of("x"), 3,
            List.of(new Declare("s", new Literal(0.0)),
                    new For("i", new Length("idx"), List.of(new Assign("s", "+", new Binary("*",
                            new Element("x", new IndexElement("idx", new Counter("i"))),
                            new ScaledIndex(new IndexElement("idx", new Counter("i")), 0.5))))),
                    new Declare("r", new Call("max", List.of(new Var("s"), new Literal(0.0)))),
                    new ForEachIndex("j", "idx", List.of(new Assign("r", "+",
                            new Binary("*", new Var("w"), new Element("x", new Counter("j")))))),
                    new Return(new Var("r"))),
            List.of(), List.of(IDX));

    @Test
    void theInterpreterGathersThroughTheIndexArray() {
        double[] point = {0.5, -0.3, 0.8, 1.5};
        Value[] leaves = Value.of(point);
        Value result = ValueInterpreter.run(GATHERS, leaves);
        result.backward();
        assertEquals(2 * 0.8 + 1.5 * (2 * 0.8 + 0.5), result.data(), 1e-12);
        assertEquals(1.5, leaves[0].grad(), 1e-12, "d/dx[0]");
        assertEquals(0.0, leaves[1].grad(), "d/dx[1]: no index names it");
        assertEquals(2 + 2 * 1.5, leaves[2].grad(), 1e-12, "d/dx[2]: named twice in each loop");
        assertEquals(2 * 0.8 + 0.5, leaves[3].grad(), 1e-12, "d/dw");
    }

    @Test
    void thePrintedProgramTakesAnIntArrayCompilesAndAgreesWhetherTheLoopIsSkippedOrNot() {
        String printed = JavaPrinter.method(GATHERS, "");
        assertTrue(printed.contains("f(double[] x, int[] idx, double w)"), printed);
        assertTrue(printed.contains("(x[idx[i]] * (idx[i] * 0.5))") && printed.contains("for (int j : idx)"), printed);
        // x[2] > 0 turns the max on; x[2] < 0 sends it a zero adjoint and the loop reversal is skipped.
        DifferentialFuzzer.Compilation compilation = FuzzRegressions.assertProgramAgrees(GATHERS,
                new double[] {0.5, -0.3, 0.8, 1.5}, new double[] {-1.2, 1.9, -0.7, 0.3});
        assertTrue(compilation.guardedReversals() > 0, compilation.generated());
    }

    @Test
    void aFindingPrintsTheContentsOfItsIntArraysForTheRegressionHarness() {
        double[] point = {0.5, -0.3, 0.8, 1.5};
        String test = new DifferentialFuzzer.Finding(GATHERS, point, "detail").regressionTest();
        assertTrue(test.contains("\"\"\", 3, List.of(new Program.IndexArray(\"idx\", List.of(2, 0, 2))), "
                + "new double[] {0.5, -0.3, 0.8, 1.5});"), test);
        FuzzRegressions.assertAgrees(JavaPrinter.method(GATHERS, ""), 3, List.of(IDX), point);
    }

    @Test
    void arrayProgramsUseIntArraysInEveryWayTheSubsetAllows() {
        Function<String, Method> generator = DifferentialFuzzer.Mode.ARRAYS.generator(3);
        int withIndexArrays = 0;
        StringBuilder printed = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            Method method = generator.apply("f" + i);
            printed.append(JavaPrinter.method(method, ""));
            withIndexArrays += method.indexArrays().isEmpty() ? 0 : 1;
            for (IndexArray indices : method.indexArrays()) {
                assertTrue(indices.contents().stream().allMatch(v -> v >= 0 && v < method.arrayLength()),
                        indices + " indexes arrays of " + method.arrayLength());
            }
        }
        String names = "(idx|perm|cols|order)";
        assertTrue(withIndexArrays >= 15, withIndexArrays + " of 40 programs take an int[]:\n" + printed);
        // A parameter, x[idx[...]], idx[...] in arithmetic, idx.length as a bound, an enhanced for,
        // a helper's int[] parameter and a call passing one on.
        for (String construct : List.of("int\\[\\] " + names + "[,)]", "\\w\\[\\(?" + names + "\\[",
                "\\(" + names + "\\[[^\\]]+\\] \\* 0\\.(5|25)\\)", "< " + names + "\\.length; ",
                "for \\(int j\\d+ : " + names + "\\)", "Helper\\((double\\[\\] \\w+, )?int\\[\\] " + names,
                "Helper\\((\\w+, )?" + names + "[,)]")) {
            assertTrue(Pattern.compile(construct).matcher(printed).find(),
                    "no " + construct + " in 40 programs:\n" + printed);
        }
    }

    @Test
    void arrayProgramsHaveLoopsTheZeroAdjointSkipGuards() {
        Function<String, Method> generator = DifferentialFuzzer.Mode.ARRAYS.generator(3);
        List<Method> methods = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            methods.add(generator.apply("f" + i));
        }
        DifferentialFuzzer.Compilation compilation = DifferentialFuzzer.compile("Guards", methods);
        assertNotNull(compilation.loaded(), compilation.errors());
        int guards = compilation.guardedReversals();
        assertTrue(guards >= 10, guards + " guarded loop reversals in 40 programs:\n" + compilation.generated());
    }
}
