package io.microautograd.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a statement of an everyday program may use and where its jumps may go: double variables,
 * arrays with their lengths, loop counters with their ranges, whether a return, a break or a
 * continue is allowed, and how deeply it is nested.
 */
final class EverydayScope {

    /** Where a {@code break} goes: the innermost loop or switch statement, which learns that a break left it. */
    static final class Exit {
        boolean taken;
    }

    final List<String> readable = new ArrayList<>();
    final List<String> assignable = new ArrayList<>();
    /** Arrays in scope by name, with their lengths; every one may be written. */
    final Map<String, Integer> arrays = new LinkedHashMap<>();
    /** Counters in scope by name, with the smallest and the largest value each takes. */
    final Map<String, int[]> counters = new LinkedHashMap<>();
    /** Where a break goes, or null where none may be written (outside loops and switch statements, in a switch expression). */
    Exit exit;
    /** Whether a continue may be written: inside a loop, and not inside a switch expression in it. */
    boolean continues;
    /** Whether a return may be written: outside loops and switch expressions. */
    boolean returns = true;
    int loopDepth;
    /** How many ifs, loops and switches enclose the statement. */
    int nesting;

    /** A scope for a block nested in this one's statement: the same names and jumps, one level deeper. */
    EverydayScope child() {
        EverydayScope child = new EverydayScope();
        child.readable.addAll(readable);
        child.assignable.addAll(assignable);
        child.arrays.putAll(arrays);
        child.counters.putAll(counters);
        child.exit = exit;
        child.continues = continues;
        child.returns = returns;
        child.loopDepth = loopDepth;
        child.nesting = nesting + 1;
        return child;
    }

    /** A scope for the body of a loop. */
    EverydayScope loopBody() {
        EverydayScope body = child();
        body.exit = new Exit();
        body.continues = true;
        body.returns = false;
        body.loopDepth++;
        return body;
    }

    /** A scope for a case of a switch statement, whose breaks leave {@code exit}. */
    EverydayScope switchCase(Exit switchExit) {
        EverydayScope body = child();
        body.exit = switchExit;
        return body;
    }

    /** A scope for a case of a switch expression, out of which nothing jumps. */
    EverydayScope switchValueCase() {
        EverydayScope body = child();
        body.exit = null;
        body.continues = false;
        body.returns = false;
        return body;
    }
}
