package io.microautograd.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import javax.lang.model.element.Modifier;

/**
 * The private methods of a Value twin class, written only when a twin uses them: zero-filled
 * arrays of values (Java's {@code new double[n]} holds zeros, a {@code Value[]} nulls), the
 * label of a parameter node, and StrictMath's values.
 */
final class TwinHelpers {

    /** The helpers there are. */
    enum Helper {
        /** Labels a parameter node that has no label. */
        NAME("labelIfUnnamed"),
        /** An array of zero leaves. */
        ZEROS("zeros"),
        /** A matrix of zero leaves. */
        ZERO_MATRIX("zeros"),
        /** A node holding StrictMath's value of its function. */
        STRICT("strict");

        private final String methodName;

        Helper(String methodName) {
            this.methodName = methodName;
        }
    }

    private static final ClassName VALUE = ValueTwinWriter.VALUE;
    private static final TypeName VALUES = ArrayTypeName.of(VALUE);

    private final Set<Helper> used = EnumSet.noneOf(Helper.class);

    /** Marks a helper as used and gives its name. */
    String use(Helper helper) {
        used.add(helper);
        return helper.methodName;
    }

    /** A copy, which a twin marks its helpers in until it is known to be written. */
    TwinHelpers copy() {
        TwinHelpers copy = new TwinHelpers();
        copy.used.addAll(used);
        return copy;
    }

    /** Marks every helper {@code other} uses. */
    void addAll(TwinHelpers other) {
        used.addAll(other.used);
    }

    /** The methods of the helpers used. */
    List<MethodSpec> methods() {
        List<MethodSpec> methods = new ArrayList<>();
        if (used.contains(Helper.NAME)) {
            methods.add(MethodSpec.methodBuilder(Helper.NAME.methodName)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .addJavadoc("Labels {@code parameter} {@code name} unless the caller labelled it.\n")
                    .addParameter(VALUE, "parameter").addParameter(String.class, "name")
                    .beginControlFlow("if (parameter.label().isEmpty())")
                    .addStatement("parameter.label(name)")
                    .endControlFlow()
                    .build());
        }
        if (used.contains(Helper.ZEROS)) {
            methods.add(MethodSpec.methodBuilder(Helper.ZEROS.methodName)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(VALUES)
                    .addJavadoc("{@code new double[length]} as values: {@code length} zero leaves.\n")
                    .addParameter(int.class, "length")
                    .addStatement("$T zeros = new $T[length]", VALUES, VALUE)
                    .beginControlFlow("for (int i = 0; i < length; i++)")
                    .addStatement("zeros[i] = $T.of(0.0)", VALUE)
                    .endControlFlow()
                    .addStatement("return zeros")
                    .build());
        }
        if (used.contains(Helper.ZERO_MATRIX)) {
            methods.add(MethodSpec.methodBuilder(Helper.ZERO_MATRIX.methodName)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(ArrayTypeName.of(VALUES))
                    .addJavadoc("{@code new double[rows][columns]} as values: rows of zero leaves.\n")
                    .addParameter(int.class, "rows").addParameter(int.class, "columns")
                    .addStatement("$T zeros = new $T[rows][columns]", ArrayTypeName.of(VALUES), VALUE)
                    .beginControlFlow("for ($T row : zeros)", VALUES)
                    .beginControlFlow("for (int j = 0; j < columns; j++)")
                    .addStatement("row[j] = $T.of(0.0)", VALUE)
                    .endControlFlow()
                    .endControlFlow()
                    .addStatement("return zeros")
                    .build());
        }
        if (used.contains(Helper.STRICT)) {
            methods.add(strict(DoubleUnaryOperator.class, "strict.applyAsDouble(node.inputs().get(0).data())"));
            methods.add(strict(DoubleBinaryOperator.class,
                    "strict.applyAsDouble(node.inputs().get(0).data(), node.inputs().get(1).data())"));
            methods.add(MethodSpec.methodBuilder("withValue")
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(VALUE)
                    .addJavadoc("{@code node} holding {@code exact}: itself when it does, else it plus their difference,"
                            + " a\nconstant, which is exact for numbers an ulp or so apart and leaves the gradient"
                            + " alone.\n")
                    .addParameter(VALUE, "node").addParameter(double.class, "exact")
                    .addStatement("return $T.compare(node.data(), exact) == 0 ? node : node.add(exact - node.data())",
                            Double.class)
                    .build());
        }
        return methods;
    }

    private static MethodSpec strict(Class<?> function, String exact) {
        return MethodSpec.methodBuilder(Helper.STRICT.methodName)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(VALUE)
                .addJavadoc("{@code node}, the engine's {@code Math} function of its inputs, holding {@code strict}'s"
                        + " value of\nthem instead, StrictMath's (fdlibm's, which {@code Math}'s intrinsics may miss"
                        + " by an ulp).\n")
                .addParameter(VALUE, "node").addParameter(function, "strict")
                .addStatement("return withValue(node, $L)", exact)
                .build();
    }
}
