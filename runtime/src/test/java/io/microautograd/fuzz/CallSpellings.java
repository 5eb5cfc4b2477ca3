package io.microautograd.fuzz;

import io.microautograd.fuzz.Program.Call;
import io.microautograd.fuzz.Program.Spelling;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Spells the Math calls of one program as people write them, and keeps the static imports that
 * make Java resolve each call as spelled. A call is written {@code Math.f}, {@code StrictMath.f},
 * {@code java.lang.Math.f} or {@code java.lang.StrictMath.f}, or {@code f} alone through an
 * import: the program may import Math's or StrictMath's functions on demand (one class, as two
 * would make every name ambiguous), and imports single functions of either class, which win over
 * the import on demand (JLS 6.4.1). Each name written alone is resolved once per program, so all
 * its calls mean the same function. A name the program's class declares itself (a helper named
 * like a Math function) hides every import of it, so it is never written alone as a Math call,
 * and it is imported all the same, singly or on demand, for the class's method to win over.
 */
final class CallSpellings {

    private static final String MATH = "java.lang.Math";
    private static final String STRICT_MATH = "java.lang.StrictMath";

    private final Random random;
    private final String hidden;
    /** The class whose functions are imported on demand, or null. */
    private final String onDemand;
    private final List<String> imports = new ArrayList<>();
    /** The spelling of each name written alone. */
    private final Map<String, Spelling> alone = new HashMap<>();

    /**
     * Spellings for a program whose class declares a method named {@code hidden} (null when
     * none is named like a Math function).
     */
    CallSpellings(Random random, String hidden) {
        this.random = random;
        this.hidden = hidden;
        int pick = random.nextInt(3);
        this.onDemand = pick == 0 ? null : pick == 1 ? MATH : STRICT_MATH;
        if (onDemand != null) {
            imports.add(onDemand + ".*");
        }
        if (hidden != null && (onDemand == null || random.nextBoolean())) {
            imports.add((random.nextBoolean() ? MATH : STRICT_MATH) + "." + hidden);
        }
    }

    /** {@code call} spelled at random, keeping the program's spellings consistent; the sigmoid is left as it is. */
    Call spell(Call call) {
        String function = call.function();
        if (function.equals("sigmoid")) {
            return call;
        }
        int pick = random.nextInt(10);
        Spelling spelling = pick < 3 ? Spelling.MATH : pick < 5 ? Spelling.STRICT_MATH
                : pick == 5 ? (random.nextBoolean() ? Spelling.QUALIFIED_MATH : Spelling.QUALIFIED_STRICT_MATH)
                : function.equals(hidden) ? Spelling.MATH : alone.computeIfAbsent(function, this::imported);
        return new Call(function, call.arguments(), spelling);
    }

    /** How {@code function} resolves when written alone: through the import on demand, or a single import added now. */
    private Spelling imported(String function) {
        String owner = onDemand;
        if (onDemand == null || random.nextInt(3) == 0) {
            owner = random.nextBoolean() ? MATH : STRICT_MATH;
            imports.add(owner + "." + function);
        }
        return owner.equals(MATH) ? Spelling.IMPORTED_MATH : Spelling.IMPORTED_STRICT_MATH;
    }

    /** The imports the program's spellings need: {@code java.lang.Math.*}, {@code java.lang.StrictMath.sin}, .... */
    List<String> imports() {
        return List.copyOf(imports);
    }
}
