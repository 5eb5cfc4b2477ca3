package io.microautograd.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.engine.BuiltIns;
import io.microautograd.engine.Op;
import io.microautograd.processor.diff.DerivativeRules;
import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.MathFunction;
import io.microautograd.processor.ir.UnaryOp;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The {@code Value} engine's operations, the compiler's derivative rules and the fuzzer's
 * interpreter cover the same functions, so that a function added to one path is added to the
 * other and to the fuzzer that compares them. Each side's list comes from the side itself, by the
 * name Java gives the function (operators by symbol, unary minus as {@code neg}, unary plus as
 * {@code plus}, the cast as {@code (float)}); a function that one side has and another lacks
 * fails the test unless it is one of the deliberate differences below.
 */
class CoveredFunctionsTest {

    private enum Side { ENGINE, COMPILER, INTERPRETER }

    /** The engine's names that differ from Java's. */
    private static final Map<String, String> ENGINE_NAMES = Map.of("^", "pow");

    /** The functions not on every side, with the sides that have them, and why. */
    private static final Map<String, Set<Side>> DELIBERATE = Map.of(
            // The engine builds a - b and -a from + and * (a + (-1 * b)), as micrograd does.
            "-", EnumSet.of(Side.COMPILER, Side.INTERPRETER),
            "neg", EnumSet.of(Side.COMPILER, Side.INTERPRETER),
            // Java's +a is a; the engine and the fuzzer's programs have nothing to do.
            "plus", EnumSet.of(Side.COMPILER),
            // No Math function: compiled code writes Math.max(x, 0).
            "relu", EnumSet.of(Side.ENGINE),
            // Math.clamp is Java 21's; the fuzzer's programs are compiled by the build's JDK 17.
            "clamp", EnumSet.of(Side.ENGINE, Side.COMPILER),
            // Integer arithmetic, as int % int is: a Value holds a double.
            "floorDiv", EnumSet.of(Side.COMPILER),
            "floorMod", EnumSet.of(Side.COMPILER),
            // A staircase of steps 1e-7 wide, which the fuzzer's finite differences (steps down to
            // 2e-5) read as a slope off by up to 1e-2; the accuracy test holds both rules to 1.
            "(float)", EnumSet.of(Side.ENGINE, Side.COMPILER),
            // Compiled code writes the sigmoid's formula, differentiated through exp; the fuzzer
            // prints that formula and holds the engine's one operation to it.
            "sigmoid", EnumSet.of(Side.ENGINE, Side.INTERPRETER));

    @Test
    void theEngineTheCompilerAndTheInterpreterCoverTheSameFunctions() {
        Map<Side, Set<String>> has = Map.of(Side.ENGINE, engine(), Side.COMPILER, compiler(),
                Side.INTERPRETER, ValueInterpreter.functions());
        Set<String> all = new TreeSet<>();
        has.values().forEach(all::addAll);
        List<String> differences = new ArrayList<>();
        for (String function : all) {
            Set<Side> sides = EnumSet.noneOf(Side.class);
            for (Side side : Side.values()) {
                if (has.get(side).contains(function)) {
                    sides.add(side);
                }
            }
            Set<Side> expected = DELIBERATE.getOrDefault(function, EnumSet.allOf(Side.class));
            if (!sides.equals(expected)) {
                differences.add(function + ": on " + sides + ", expected on " + expected);
            }
        }
        assertTrue(differences.isEmpty(), "add the function to the sides that lack it (an engine row in BuiltIns,"
                + " a compiler row in DerivativeRules, an interpreter entry in ValueInterpreter and the fuzzer's"
                + " generator), or list it in DELIBERATE with the reason:\n" + String.join("\n", differences));
    }

    private static Set<String> engine() {
        Set<String> names = new TreeSet<>();
        for (Op op : BuiltIns.all()) {
            if (op != BuiltIns.LEAF) {
                names.add(ENGINE_NAMES.getOrDefault(op.name(), op.name()));
            }
        }
        return names;
    }

    private static Set<String> compiler() {
        Set<String> names = new TreeSet<>();
        for (Object primitive : DerivativeRules.primitives()) {
            if (primitive instanceof MathFunction function) {
                names.add(function.javaName());
            } else if (primitive instanceof BinaryOp op) {
                names.add(op.symbol());
            } else {
                UnaryOp op = (UnaryOp) primitive;
                names.add(op == UnaryOp.NEG ? "neg" : op == UnaryOp.PLUS ? "plus" : op.symbol().trim());
            }
        }
        return names;
    }
}
