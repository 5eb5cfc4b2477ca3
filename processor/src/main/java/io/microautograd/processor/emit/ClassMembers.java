package io.microautograd.processor.emit;

import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names one generated class gives its members beyond the methods: the fields each method
 * keeps its tapes and arrays in, unique across the class, and the record of each method's
 * result, named after the method and, where methods share a name, after its parameter types.
 */
final class ClassMembers {

    private final Set<String> fields = new HashSet<>();
    private final Map<String, Integer> methodsPerName = new HashMap<>();

    /** The members of the class generated for {@code functions}. */
    ClassMembers(List<Function> functions) {
        functions.forEach(f -> methodsPerName.merge(f.name(), 1, Integer::sum));
    }

    /** A field name starting as {@code hint}, numbered where another field of the class has it. */
    String field(String hint) {
        String name = hint;
        for (int n = 2; fields.contains(name); n++) {
            name = hint + n;
        }
        fields.add(name);
        return name;
    }

    /**
     * The simple name of the record holding {@code f}'s value and partials: {@code EnergyGradient}
     * for {@code energy}, and {@code EnergyOfDoubleArrayGradient} for {@code energy(double[] v)}
     * where other methods of the class are named {@code energy} too.
     */
    String resultRecord(Function f) {
        StringBuilder name = new StringBuilder(capitalized(f.name()));
        if (methodsPerName.get(f.name()) > 1) {
            name.append("Of");
            f.parameters().stream().map(Variable::type).map(ClassMembers::typeWord).forEach(name::append);
        }
        return name.append("Gradient").toString();
    }

    private static String typeWord(Type type) {
        return switch (type) {
            case DOUBLE -> "Double";
            case INT -> "Int";
            case LONG -> "Long";
            case BOOLEAN -> "Boolean";
            case DOUBLE_ARRAY -> "DoubleArray";
            case DOUBLE_MATRIX -> "DoubleMatrix";
            case INT_ARRAY -> "IntArray";
            case STRING -> "String";
        };
    }

    static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
