package io.microautograd.processor.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.microautograd.DifferentiableFacts;
import io.microautograd.processor.ir.MethodFacts;
import java.util.List;

/** The {@code @DifferentiableFacts} a generated pullback carries: its method's facts in the class file. */
final class FactsAnnotation {

    private FactsAnnotation() {
    }

    /** The annotation recording {@code facts}: a member a line, a call a line, other arrays on one line. */
    static AnnotationSpec of(MethodFacts facts) {
        return AnnotationSpec.builder(DifferentiableFacts.class)
                .addMember("version", "$L", MethodFacts.VERSION)
                .addMember("parameters", array("$S", facts.parameterNames()))
                .addMember("differentiated", array("$L", facts.differentiated()))
                .addMember("writtenArrays", array("$L", facts.writtenArrays()))
                .addMember("order", "$L", facts.order())
                .addMember("calls", calls(facts.calls()))
                .addMember("passesArraysToPlainMethods", "$L", facts.passesArraysToPlainMethods())
                .build();
    }

    /** An array of values, each printed by {@code format}, in braces even when it holds one or none. */
    private static CodeBlock array(String format, List<?> values) {
        return CodeBlock.of("{$L}", values.stream().map(v -> CodeBlock.of(format, v))
                .collect(CodeBlock.joining(", ")));
    }

    private static CodeBlock calls(List<MethodFacts.Call> calls) {
        if (calls.isEmpty()) {
            return CodeBlock.of("{}");
        }
        CodeBlock each = calls.stream().map(call -> CodeBlock.of("$L", AnnotationSpec
                .builder(ClassName.get(DifferentiableFacts.Call.class))
                .addMember("owner", "$S", call.callee().owner())
                .addMember("name", "$S", call.callee().name())
                .addMember("parameterTypes", array("$S", call.callee().parameterTypes()))
                .addMember("passesArrays", "$L", call.passesArrays())
                .build())).collect(CodeBlock.joining(",\n"));
        // JavaPoet indents a member's lines twice; the closing brace goes back under the member.
        return CodeBlock.of("{\n$L\n$<$<}$>$>", each);
    }
}
