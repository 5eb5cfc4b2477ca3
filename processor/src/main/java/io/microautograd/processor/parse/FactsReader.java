package io.microautograd.processor.parse;

import com.sun.source.tree.Tree;
import io.microautograd.Differentiable;
import io.microautograd.DifferentiableFacts;
import io.microautograd.processor.ir.MethodFacts;
import io.microautograd.processor.ir.MethodKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads the facts of {@code @Differentiable} methods compiled in another javac run from the
 * {@code @DifferentiableFacts} on their generated pullbacks, through the Elements API (javac reads
 * annotations retained in class files). A method is compiled elsewhere when it is not among the
 * annotated methods of this round, whose facts come from their IR.
 */
public final class FactsReader {

    private final Elements elements;
    private final Set<? extends Element> round;

    /**
     * @param elements the processing environment's elements
     * @param round the {@code @Differentiable} methods of this round
     */
    public FactsReader(Elements elements, Set<? extends Element> round) {
        this.elements = elements;
        this.round = round;
    }

    /** Whether {@code method} is {@code @Differentiable} and compiled in another javac run. */
    boolean compiledElsewhere(ExecutableElement method) {
        return method.getAnnotation(Differentiable.class) != null && !round.contains(method);
    }

    /** The facts of the method {@code key} names, when it is compiled elsewhere and its facts can be read. */
    public Optional<MethodFacts> find(MethodKey key) {
        TypeElement owner = elements.getTypeElement(key.owner());
        if (owner == null) {
            return Optional.empty();
        }
        List<ExecutableElement> methods = ElementFilter.methodsIn(owner.getEnclosedElements()).stream()
                .filter(m -> m.getSimpleName().contentEquals(key.name())
                        && TypeNames.parameters(m).equals(key.parameterTypes()))
                .toList();
        if (methods.size() != 1 || !compiledElsewhere(methods.get(0))) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(methods.get(0), null));
        } catch (Rejection unreadable) {
            return Optional.empty();
        }
    }

    /**
     * The facts of a method compiled elsewhere.
     *
     * @param call the call to report at
     * @throws Rejection when the method's generated class is not on the class path, records no facts
     *     for it or facts of another version, or does not match it
     */
    MethodFacts read(ExecutableElement method, Tree call) {
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        String generated = GradientClassName.qualifiedNameOf(owner);
        String callee = owner.getSimpleName() + "." + method.getSimpleName();
        String rebuild = "rebuild the module of " + owner.getQualifiedName()
                + " with this version of the MicroAutograd processor";
        TypeElement gradientClass = elements.getTypeElement(generated);
        if (gradientClass == null) {
            throw missing(call, callee, "whose generated class " + generated + " is not on the class path",
                    "run the MicroAutograd processor where " + owner.getQualifiedName() + " is compiled (in Maven, "
                    + "on annotationProcessorPaths) and put the class it generates on this class path");
        }
        // Among the pullbacks of the name (one per overload) that record facts, the method's own is
        // the one whose parameters start with the method's; one recording facts but none matching
        // was generated from an older version of the method.
        ExecutableElement pullback = null;
        AnnotationMirror facts = null;
        for (ExecutableElement m : ElementFilter.methodsIn(gradientClass.getEnclosedElements())) {
            AnnotationMirror recorded = m.getSimpleName().contentEquals(method.getSimpleName() + "Pullback")
                    ? factsOn(m) : null;
            if (recorded != null && (pullback == null || matches(m, method))) {
                pullback = m;
                facts = recorded;
            }
        }
        if (facts == null) {
            throw missing(call, callee, "whose generated class " + generated + " records no facts about it "
                    + "(an earlier version of the processor generated it)", rebuild);
        }
        Map<String, Object> members = members(facts);
        if (!Integer.valueOf(MethodFacts.VERSION).equals(members.get("version"))) {
            throw missing(call, callee, "whose generated class " + generated + " records its facts in format "
                    + members.get("version") + ", and this processor reads format " + MethodFacts.VERSION, rebuild);
        }
        MethodFacts read = new MethodFacts(values(members.get("parameters"), String.class),
                values(members.get("differentiated"), Integer.class),
                values(members.get("writtenArrays"), Integer.class), calls(members.get("calls")),
                (Boolean) members.get("passesArraysToPlainMethods"));
        if (!matches(pullback, method) || read.parameterNames().size() != method.getParameters().size()) {
            throw missing(call, callee, "whose generated class " + generated + " does not match it (it was "
                    + "generated before " + method.getSimpleName() + "'s parameters changed)", rebuild);
        }
        return read;
    }

    /** Whether the pullback starts with the method's parameters, as it does when generated from it. */
    private static boolean matches(ExecutableElement pullback, ExecutableElement method) {
        List<String> generated = TypeNames.parameters(pullback);
        List<String> source = TypeNames.parameters(method);
        return generated.size() > source.size() && generated.subList(0, source.size()).equals(source);
    }

    private static Rejection missing(Tree call, String callee, String problem, String fix) {
        return new Rejection(Tag.MISSING_FACTS, call, "call of " + callee + ", a @Differentiable method compiled "
                + "in another javac run, " + problem + "; " + fix);
    }

    /** The {@code @DifferentiableFacts} on a generated method, or null. */
    private static AnnotationMirror factsOn(ExecutableElement method) {
        for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName()
                    .contentEquals(DifferentiableFacts.class.getCanonicalName())) {
                return mirror;
            }
        }
        return null;
    }

    /** An annotation's members by name, with their values as the Elements API gives them. */
    private static Map<String, Object> members(AnnotationMirror annotation) {
        Map<String, Object> members = new HashMap<>();
        annotation.getElementValues().forEach((member, value) -> members.put(member.getSimpleName().toString(),
                value.getValue()));
        return members;
    }

    /** The elements of an array member, each of the given type. */
    private static <T> List<T> values(Object array, Class<T> type) {
        return ((List<?>) array).stream().map(v -> type.cast(((AnnotationValue) v).getValue())).toList();
    }

    private static List<MethodFacts.Call> calls(Object array) {
        List<MethodFacts.Call> calls = new ArrayList<>();
        for (AnnotationMirror call : values(array, AnnotationMirror.class)) {
            Map<String, Object> members = members(call);
            calls.add(new MethodFacts.Call(new MethodKey((String) members.get("owner"), (String) members.get("name"),
                    values(members.get("parameterTypes"), String.class)), (Boolean) members.get("passesArrays")));
        }
        return List.copyOf(calls);
    }
}
