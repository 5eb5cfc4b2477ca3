package io.microautograd.fuzz;

import io.microautograd.fuzz.Program.Binary;
import io.microautograd.fuzz.Program.Compare;
import io.microautograd.fuzz.Program.Declare;
import io.microautograd.fuzz.Program.Expr;
import io.microautograd.fuzz.Program.ForEach;
import io.microautograd.fuzz.Program.If;
import io.microautograd.fuzz.Program.Inferred;
import io.microautograd.fuzz.Program.IntegerValue;
import io.microautograd.fuzz.Program.Invoke;
import io.microautograd.fuzz.Program.Literal;
import io.microautograd.fuzz.Program.Method;
import io.microautograd.fuzz.Program.Return;
import io.microautograd.fuzz.Program.Stmt;
import io.microautograd.fuzz.Program.Throw;
import io.microautograd.fuzz.Program.Var;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The helpers of an everyday program: a family of {@code @Differentiable} methods of one name told
 * apart by their parameter types, {@code (double)}, {@code (double, double)}, {@code (double, int)},
 * {@code (double, long)}, {@code (double[])} and {@code (double[], double)}; two or three named
 * after the program, or one or two named like a Math function, which hides that function from
 * the whole class as Java says. Calls pass arguments whose types pick one member as Java's
 * resolution does: an int to {@code (double, int)} over {@code (double, double)}, a long to
 * {@code (double, long)}, a {@code double[]} to {@code (double[])}, and now and then an int or a
 * long where a wider type is wanted, which resolves to the member Java's widening reaches.
 */
final class HelperFamilies {

    private static final List<List<String>> SIGNATURES = List.of(List.of("double"), List.of("double", "double"),
            List.of("double", "int"), List.of("double", "long"), List.of("double[]"), List.of("double[]", "double"));
    /** Math functions a family may be named like. */
    private static final String[] MATH_NAMES = {"cbrt", "expm1", "log1p", "sinh", "tanh", "atan", "hypot", "atan2",
        "max", "min"};

    private final Random random;
    private final ProgramGenerator expressions;

    HelperFamilies(Random random, ProgramGenerator expressions) {
        this.random = random;
        this.expressions = expressions;
    }

    /** A family's name for program {@code program}: none (null) in a third of programs, a Math function's in a quarter of the others. */
    String name(String program) {
        if (random.nextInt(3) == 0) {
            return null;
        }
        return random.nextInt(4) == 0 ? MATH_NAMES[random.nextInt(MATH_NAMES.length)] : program + "Term";
    }

    /** Whether {@code name} is a Math function's, which the family's class then hides. */
    static boolean isMathName(String name) {
        return name != null && List.of(MATH_NAMES).contains(name);
    }

    /**
     * The members of family {@code name}, their arrays {@code length} long (no array signature
     * unless {@code arrays}): one or two for a Math function's name, two or three otherwise.
     */
    List<Method> members(String name, int length, boolean arrays) {
        List<List<String>> signatures = new ArrayList<>(SIGNATURES.subList(0, arrays ? SIGNATURES.size() : 4));
        Collections.shuffle(signatures, random);
        int count = (isMathName(name) ? 1 : 2) + random.nextInt(2);
        List<Method> members = new ArrayList<>();
        for (List<String> signature : signatures.subList(0, count)) {
            members.add(member(name, signature, length));
        }
        return List.copyOf(members);
    }

    /**
     * A member: its array parameter {@code v} folded into a sum {@code s} by a contraction, its
     * double parameters {@code u} and {@code w} and its integer {@code n} read by the result; a
     * guard on {@code u} now and then.
     */
    private Method member(String name, List<String> signature, int length) {
        List<String> parameters = new ArrayList<>();
        List<String> readable = new ArrayList<>();
        List<Expr> integers = new ArrayList<>();
        List<Integral.Var> integerParameters = new ArrayList<>();
        List<Stmt> body = new ArrayList<>();
        for (String type : signature) {
            if (type.equals("double[]")) {
                parameters.add("v");
                body.add(new Declare("s", new Literal(0.0)));
                Expr term = expressions.bounded(expressions.expr(List.of("e", "s"), List.of(), 2));
                Stmt update = new Program.Assign("s", "", new Binary("+", new Binary("*", new Literal(0.5),
                        new Var("s")), term));
                Stmt loop = new ForEach("e", "v", List.of(update));
                body.add(random.nextBoolean() ? new Inferred(loop) : loop);
                readable.add("s");
            } else if (type.equals("double")) {
                String parameter = readable.contains("u") ? "w" : "u";
                parameters.add(parameter);
                readable.add(parameter);
            } else {
                Integral.Var n = new Integral.Var("n", type.equals("long"));
                parameters.add(n.name());
                integerParameters.add(n);
                integers.add(new IntegerValue(n));
            }
        }
        if (readable.contains("u") && random.nextInt(4) == 0) {
            body.add(0, new If(new Compare(">", new Var("u"), new Literal(1.5)),
                    List.of(new Throw("IllegalArgumentException", name + " takes u up to 1.5, not ", new Var("u"))),
                    List.of()));
        }
        body.add(new Return(expressions.expr(readable, integers, 2)));
        return new Method(name, List.copyOf(parameters), signature.contains("double[]") ? List.of("v") : List.of(),
                length, List.copyOf(body), List.of(), List.of(), List.copyOf(integerParameters), List.of());
    }

    /**
     * A call of {@code member} of {@code family} from a scope with the double variables
     * {@code readable} and the arrays {@code arrays} (by length): exact arguments for the member,
     * or now and then an int or long literal for a wider parameter, which may resolve to another
     * member. Null when the member wants an array of a length the scope lacks.
     */
    Invoke call(List<Method> family, Method member, List<String> readable, Map<String, Integer> arrays) {
        List<String> fitting = arrays.entrySet().stream().filter(a -> a.getValue() == member.arrayLength())
                .map(Map.Entry::getKey).toList();
        if (!member.arrays().isEmpty() && fitting.isEmpty()) {
            return null;
        }
        List<String> passed = new ArrayList<>();
        List<Expr> scalars = new ArrayList<>();
        List<Expr> widened = new ArrayList<>();
        for (String type : OverloadResolution.parameterTypes(member)) {
            if (type.equals("double[]")) {
                passed.add(fitting.get(random.nextInt(fitting.size())));
                continue;
            }
            Expr exact = type.equals("double") ? expressions.expr(readable, List.of(), 1)
                    : new IntegerValue(new Integral.Literal(random.nextInt(6) - 1, type.equals("long")));
            scalars.add(exact);
            boolean widen = !type.equals("int") && random.nextInt(3) == 0;
            widened.add(widen ? new IntegerValue(new Integral.Literal(random.nextInt(6) - 1,
                    type.equals("double") && random.nextBoolean())) : exact);
        }
        List<String> widenedTypes = new ArrayList<>();
        passed.forEach(array -> widenedTypes.add("double[]"));
        widened.forEach(scalar -> widenedTypes.add(Program.typeOf(scalar)));
        boolean resolves = OverloadResolution.resolves(family, member.name(), widenedTypes);
        return new Invoke(member.name(), List.copyOf(passed), List.copyOf(resolves ? widened : scalars));
    }
}
