package io.microautograd.processor.parse;

import io.microautograd.Derivative;
import io.microautograd.Differentiable;
import io.microautograd.processor.ir.MathFunction;
import io.microautograd.processor.ir.MethodKey;
import io.microautograd.processor.ir.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * One {@code @Derivative} or {@code @Pullback} method, read from its annotation and checked
 * against its target.
 *
 * @param rule the annotated method
 * @param target the method it differentiates
 * @param pullback whether it is a pullback ({@code @Pullback}) rather than one partial
 * @param wrt for a partial, the index of the parameter it is with respect to; -1 for a pullback
 * @param takesValue for a partial, whether it takes the target's value as a last argument
 * @param replaces whether it replaces a derivative the compiler has
 */
record RuleDeclaration(ExecutableElement rule, ExecutableElement target, boolean pullback, int wrt,
        boolean takesValue, boolean replaces) {

    /** The key of the target, by which calls find the rule. */
    MethodKey targetKey() {
        return keyOf(target);
    }

    /**
     * Reads the rule {@code annotation} declares on {@code rule}; empty when its class in
     * {@code of} does not resolve, which javac reports itself.
     *
     * @throws InvalidRule when the rule or its target is not what the annotation needs
     */
    static Optional<RuleDeclaration> read(Elements elements, ExecutableElement rule, AnnotationMirror annotation) {
        boolean pullback = !((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName()
                .contentEquals(Derivative.class.getCanonicalName());
        String form = pullback ? "@Pullback" : "@Derivative";
        Map<? extends ExecutableElement, ? extends AnnotationValue> values =
                elements.getElementValuesWithDefaults(annotation);
        AnnotationValue of = value(values, "of");
        AnnotationValue method = value(values, "method");
        boolean replaces = (Boolean) value(values, "replaces").getValue();
        String ruleName = ((TypeElement) rule.getEnclosingElement()).getSimpleName() + "." + rule.getSimpleName();
        if (!rule.getModifiers().contains(Modifier.STATIC) || rule.getModifiers().contains(Modifier.PRIVATE)
                || rule.getReturnType().getKind() != TypeKind.DOUBLE) {
            throw new InvalidRule(form + " rule " + ruleName + " must be a static, non-private method returning"
                    + " double, which the generated code calls", rule, annotation, null);
        }
        if (!(of.getValue() instanceof DeclaredType ofType) || !(ofType.asElement() instanceof TypeElement)) {
            return Optional.empty();
        }
        TypeElement owner = (TypeElement) ofType.asElement();
        String name = (String) method.getValue();
        String targetName = owner.getSimpleName() + "." + name;
        List<ExecutableElement> named = ElementFilter.methodsIn(elements.getAllMembers(owner)).stream()
                .filter(m -> m.getSimpleName().contentEquals(name) && m.getModifiers().contains(Modifier.STATIC)
                        && !m.getModifiers().contains(Modifier.PRIVATE))
                .toList();
        if (named.isEmpty()) {
            throw new InvalidRule("no static method " + targetName + " to differentiate; a rule's target is a static,"
                    + " non-private method of the class in of", rule, annotation, method);
        }
        List<String> parameters = TypeNames.parameters(rule);
        List<ExecutableElement> matching = new ArrayList<>();
        for (ExecutableElement candidate : named) {
            if (expected(candidate, pullback).stream().anyMatch(parameters::equals)) {
                matching.add(candidate);
            }
        }
        if (matching.size() > 1) {
            throw new InvalidRule("rule " + ruleName + signature(parameters) + " matches " + matching.size()
                    + " overloads of " + targetName + ": " + String.join(" and ", matching.stream()
                    .map(m -> targetName + signature(TypeNames.parameters(m))).toList()) + "; write the rule of one"
                    + " of them in a class of its own", rule, annotation, method);
        }
        if (matching.isEmpty()) {
            List<String> expected = new ArrayList<>();
            named.forEach(m -> expected.addAll(expectedSignatures(m, pullback, rule.getSimpleName().toString())));
            throw new InvalidRule("rule " + ruleName + signature(parameters) + " does not match " + (named.size() == 1
                    ? targetName + signature(TypeNames.parameters(named.get(0))) : "any overload of " + targetName)
                    + "; a " + form + " rule of it is " + String.join(" or ", expected), rule, annotation, method);
        }
        ExecutableElement target = matching.get(0);
        if (!replaces) {
            String derivative = target.getAnnotation(Differentiable.class) != null ? "is @Differentiable"
                    : hasBuiltInRule(owner, target) ? "has a built-in derivative" : null;
            if (derivative != null) {
                throw new InvalidRule(targetName + " " + derivative + "; set replaces = true to use this rule instead",
                        rule, annotation, method);
            }
        }
        if (pullback) {
            return Optional.of(new RuleDeclaration(rule, target, true, -1, false, replaces));
        }
        return Optional.of(new RuleDeclaration(rule, target, false, wrt(rule, target, value(values, "wrt"), annotation),
                parameters.size() > target.getParameters().size(), replaces));
    }

    private static int wrt(ExecutableElement rule, ExecutableElement target, AnnotationValue wrt,
            AnnotationMirror annotation) {
        String name = (String) wrt.getValue();
        int arity = target.getParameters().size();
        if (name.isEmpty()) {
            if (arity != 1) {
                throw new InvalidRule(target.getSimpleName() + " has " + arity + " parameters; name the one this"
                        + " partial is for in wrt, as the rule method names it", rule, annotation, null);
            }
            return 0;
        }
        List<String> names = rule.getParameters().subList(0, arity).stream()
                .map(p -> p.getSimpleName().toString()).toList();
        int index = names.indexOf(name);
        if (index < 0) {
            boolean unnamed = names.stream().allMatch(n -> n.matches("arg[0-9]+"));
            throw new InvalidRule("wrt = \"" + name + "\" names no parameter of " + rule.getSimpleName() + "; its"
                    + " parameters for " + target.getSimpleName() + "'s are " + String.join(", ", names) + (unnamed
                    ? " (its class file keeps no parameter names: compile it with -parameters or -g)" : ""),
                    rule, annotation, wrt, keyOf(target));
        }
        return index;
    }

    /** The parameter lists a rule of {@code target} may have: none when the form cannot take it. */
    private static List<List<String>> expected(ExecutableElement target, boolean pullback) {
        List<String> parameters = TypeNames.parameters(target);
        if (target.getReturnType().getKind() != TypeKind.DOUBLE) {
            return List.of();
        }
        if (!pullback) {
            if (!parameters.stream().allMatch("double"::equals)) {
                return List.of();
            }
            List<String> withValue = new ArrayList<>(parameters);
            withValue.add("double");
            return List.of(parameters, withValue);
        }
        Optional<List<Type>> types = subsetTypes(target);
        if (types.isEmpty()) {
            return List.of();
        }
        List<String> expected = new ArrayList<>(parameters);
        expected.add("double");
        if (types.get().contains(Type.DOUBLE)) {
            expected.add("double[]");
        }
        types.get().stream().filter(Type::isArray).forEach(t -> expected.add(t.javaName()));
        return List.of(expected);
    }

    /** The signatures a rule named {@code ruleName} of {@code target} may have, in full, for messages. */
    private static List<String> expectedSignatures(ExecutableElement target, boolean pullback, String ruleName) {
        if (expected(target, pullback).isEmpty()) {
            return List.of("impossible: " + target.getSimpleName() + signature(TypeNames.parameters(target))
                    + (pullback ? " must return double and take " + Types.SUPPORTED_PARAMETERS
                    : " must return double and take only doubles (use @Pullback for arrays)"));
        }
        List<String> names = target.getParameters().stream().map(p -> p.getSimpleName().toString()).toList();
        List<String> declared = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            declared.add(TypeNames.parameters(target).get(i) + " " + names.get(i));
        }
        if (!pullback) {
            String all = String.join(", ", declared);
            return List.of("double " + ruleName + "(" + all + ")",
                    "double " + ruleName + "(" + all + (all.isEmpty() ? "" : ", ") + "double y)");
        }
        List<String> full = new ArrayList<>(declared);
        full.add("double seed");
        List<Type> types = subsetTypes(target).orElseThrow();
        if (types.contains(Type.DOUBLE)) {
            full.add("double[] scalarAdjoints");
        }
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).isArray()) {
                full.add(types.get(i).javaName() + " d" + Character.toUpperCase(names.get(i).charAt(0))
                        + names.get(i).substring(1));
            }
        }
        return List.of("double " + ruleName + "(" + String.join(", ", full) + ")");
    }

    /** The subset's types of the method's parameters; empty when one is outside it. */
    private static Optional<List<Type>> subsetTypes(ExecutableElement method) {
        return Signature.ofCallee(method).map(Signature::types);
    }

    private static boolean hasBuiltInRule(TypeElement owner, ExecutableElement target) {
        String qualified = owner.getQualifiedName().toString();
        return (qualified.equals("java.lang.Math") || qualified.equals("java.lang.StrictMath"))
                && MathFunction.find(target.getSimpleName().toString(), target.getParameters().size()).isPresent();
    }

    static MethodKey keyOf(ExecutableElement method) {
        return new MethodKey(((TypeElement) method.getEnclosingElement()).getQualifiedName().toString(),
                method.getSimpleName().toString(), TypeNames.parameters(method));
    }

    private static String signature(List<String> parameters) {
        return "(" + String.join(", ", parameters) + ")";
    }

    private static AnnotationValue value(Map<? extends ExecutableElement, ? extends AnnotationValue> values,
            String name) {
        return values.entrySet().stream().filter(e -> e.getKey().getSimpleName().contentEquals(name))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
    }
}
