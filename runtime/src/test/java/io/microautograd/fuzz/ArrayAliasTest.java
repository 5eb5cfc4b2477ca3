package io.microautograd.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.engine.Value;
import io.microautograd.fuzz.Program.Binary;
import io.microautograd.fuzz.Program.DeclareAlias;
import io.microautograd.fuzz.Program.Element;
import io.microautograd.fuzz.Program.IntLiteral;
import io.microautograd.fuzz.Program.Literal;
import io.microautograd.fuzz.Program.Method;
import io.microautograd.fuzz.Program.Return;
import io.microautograd.fuzz.Program.Stmt;
import io.microautograd.fuzz.Program.Store;
import io.microautograd.fuzz.Program.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Array aliases in fuzzer programs: {@code double[] b = a;} shares a's storage on every path. */
class ArrayAliasTest {

    /**
     * {@code f(x, a)}: {@code double[] b = a; b[0] = x * 3.0; a[1] *= b[0]; return a[0] + b[1];},
     * which in Java is {@code 3x + 3x * a[1]}.
     */
    private static final Method WRITES_THROUGH_BOTH_NAMES = new Method("f", List.of("x", "a"), List.of("a"), 2,
            List.of(new DeclareAlias("b", "a"),
                    new Store("b", new IntLiteral(0), "", new Binary("*", new Var("x"), new Literal(3.0))),
                    new Store("a", new IntLiteral(1), "*", new Element("b", new IntLiteral(0))),
                    new Return(new Binary("+", new Element("a", new IntLiteral(0)),
                            new Element("b", new IntLiteral(1))))),
            List.of());

    @Test
    void theInterpreterReadsThroughOneNameWhatWasWrittenThroughTheOther() {
        double x = 0.5;
        double a1 = -0.4;
        Value[] leaves = Value.of(new double[] {x, 0.7, a1});
        Value result = ValueInterpreter.run(WRITES_THROUGH_BOTH_NAMES, leaves);
        result.backward();
        assertEquals(3 * x + 3 * x * a1, result.data(), 1e-12);
        assertEquals(3 + 3 * a1, leaves[0].grad(), 1e-12, "d/dx");
        assertEquals(0.0, leaves[1].grad(), "d/da[0]: a[0] is overwritten through b before it is read");
        assertEquals(3 * x, leaves[2].grad(), 1e-12, "d/da[1]");
    }

    @Test
    void thePrintedAliasCompilesAndAgreesOnEveryPath() {
        String printed = JavaPrinter.method(WRITES_THROUGH_BOTH_NAMES, "");
        assertTrue(printed.contains("\n    double[] b = a;\n"), printed);
        FuzzRegressions.assertProgramAgrees(WRITES_THROUGH_BOTH_NAMES,
                new double[] {0.5, 0.7, -0.4}, new double[] {-1.2, 1.9, 0.3});
    }

    @Test
    void arrayProgramsDeclareAliasesAndReadAndWriteThroughThem() {
        Function<String, Method> generator = DifferentialFuzzer.Mode.ARRAYS.generator(3);
        int withAlias = 0;
        boolean storedThroughAlias = false;
        boolean readThroughAlias = false;
        boolean aliasInLoop = false;
        StringBuilder printed = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            Method method = generator.apply("f" + i);
            printed.append(JavaPrinter.method(method, ""));
            Set<String> aliases = method.statements().filter(DeclareAlias.class::isInstance)
                    .map(s -> ((DeclareAlias) s).name()).collect(Collectors.toSet());
            withAlias += aliases.isEmpty() ? 0 : 1;
            storedThroughAlias |= method.statements()
                    .anyMatch(s -> s instanceof Store store && aliases.contains(store.array()));
            String source = JavaPrinter.method(method, "");
            // A read is an alias element after something else on its line (a store starts its line).
            readThroughAlias |= aliases.stream()
                    .anyMatch(alias -> Pattern.compile("\\S.*\\b" + alias + "\\[").matcher(source).find());
            aliasInLoop |= loopBodies(method.body()).stream().anyMatch(DeclareAlias.class::isInstance);
        }
        assertTrue(withAlias >= 10, withAlias + " of 40 programs declare an alias:\n" + printed);
        assertTrue(storedThroughAlias, "no store through an alias in 40 programs:\n" + printed);
        assertTrue(readThroughAlias, "no element read through an alias in 40 programs:\n" + printed);
        assertTrue(aliasInLoop, "no alias declared in a loop body in 40 programs:\n" + printed);
    }

    /** The statements directly in loop bodies anywhere in {@code block}. */
    private static List<Stmt> loopBodies(List<Stmt> block) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt statement : block) {
            for (List<Stmt> inner : Program.innerBlocks(statement)) {
                if (!(statement instanceof Program.If)) {
                    out.addAll(inner);
                }
                out.addAll(loopBodies(inner));
            }
        }
        return out;
    }
}
