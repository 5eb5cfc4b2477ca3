package io.microautograd.processor.emit;

import com.palantir.javapoet.ClassName;
import io.microautograd.processor.ir.Callee;
import io.microautograd.processor.ir.CustomRule;
import io.microautograd.processor.ir.MethodKey;
import io.microautograd.processor.ir.RuleOperation;
import io.microautograd.processor.parse.TypeNames;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The {@code Value} operations of the users' rules, as twins call them: a call of a method with a
 * rule is, in its caller's twin, {@code RulesOps.target(args)}, one engine node made from the same
 * rule the compiled gradient uses, taking a {@code Value} for each {@code double}, a
 * {@code Value[]} or {@code Value[][]} for each array, and ints as they are. For rules read in
 * this javac run the operations are those written for them ({@link #written}); for rules compiled
 * elsewhere, the method of that signature in the operations class of a class declaring them,
 * which their build wrote when the engine was on its class path.
 */
public final class RuleOperations {

    /**
     * The operation of a call's rule: the class holding it, or why there is none.
     *
     * @param owner the class whose method named after the callee applies it; null when there is none
     * @param whyNone why there is none, as the twin class's javadoc says it of the caller; null when there is one
     */
    record Operation(ClassName owner, String whyNone) {
    }

    private final Elements elements;
    private final Predicate<MethodKey> readInThisRun;
    private final Map<MethodKey, ClassName> written = new HashMap<>();

    /**
     * @param elements the processing environment's elements, to find operations compiled elsewhere
     * @param readInThisRun whether the rules of a target were read in this javac run
     */
    public RuleOperations(Elements elements, Predicate<MethodKey> readInThisRun) {
        this.elements = elements;
        this.readInThisRun = readInThisRun;
    }

    /** Notes the operations written in this javac run into {@code operationsClass}. */
    public void written(ClassName operationsClass, List<RuleOperation> operations) {
        operations.forEach(operation -> written.put(operation.key(), operationsClass));
    }

    /** The operation of the rule of {@code callee}, a method with a rule of the user's. */
    Operation of(Callee callee) {
        if (callee.rule() != null && callee.rule().partials().contains(null)) {
            List<String> missing = IntStream.range(0, callee.parameterNames().size())
                    .filter(i -> callee.rule().partials().get(i) == null).mapToObj(callee.parameterNames()::get)
                    .toList();
            return new Operation(null, "whose @Derivative rules give no partial for " + String.join(" and ", missing)
                    + ", so it has no Value operation");
        }
        ClassName owner = written.get(callee.key());
        if (owner != null) {
            return new Operation(owner, null);
        }
        if (readInThisRun.test(callee.key())) {
            return new Operation(null, "whose rules' class cannot call it or its rules (they are not public), so it"
                    + " has no Value operation");
        }
        List<String> signature = callee.parameterTypes().stream().map(t -> ValueTwinWriter.typeName(t).toString())
                .toList();
        String method = callee.name() + signature.stream().map(t -> t.substring(t.lastIndexOf('.') + 1))
                .collect(Collectors.joining(", ", "(", ")"));
        Set<String> searched = new LinkedHashSet<>();
        for (String ruleClass : ruleClasses(callee)) {
            TypeElement rules = elements.getTypeElement(ruleClass);
            if (rules == null) {
                continue;
            }
            ClassName operations = OperationClassWriter.nameOf(rules);
            searched.add(operations.simpleName() + "." + method);
            TypeElement found = elements.getTypeElement(operations.canonicalName());
            if (found != null && ElementFilter.methodsIn(found.getEnclosedElements()).stream()
                    .anyMatch(m -> applies(m, callee.name(), signature))) {
                return new Operation(operations, null);
            }
        }
        return new Operation(null, "whose rules were compiled elsewhere without a Value operation (no "
                + String.join(" or ", searched) + "): compile them with the engine on the class path");
    }

    /** The classes declaring the rule's methods, whose operations classes may hold its operation. */
    private static Set<String> ruleClasses(Callee callee) {
        Set<String> classes = new LinkedHashSet<>();
        if (callee.pullbackRule() != null) {
            classes.add(callee.pullbackRule().ownerClass());
        } else {
            callee.rule().partials().stream().filter(Objects::nonNull).map(CustomRule.PartialMethod::ownerClass)
                    .forEach(classes::add);
        }
        return classes;
    }

    private static boolean applies(ExecutableElement method, String name, List<String> signature) {
        return method.getSimpleName().contentEquals(name) && method.getModifiers().containsAll(Set.of(Modifier.PUBLIC,
                Modifier.STATIC)) && TypeNames.parameters(method).equals(signature);
    }
}
