package io.microautograd.processor.parse;

import com.sun.source.tree.Tree;
import io.microautograd.Derivative;
import io.microautograd.Pullback;
import io.microautograd.UseRules;
import io.microautograd.processor.ir.CustomRule;
import io.microautograd.processor.ir.MethodKey;
import io.microautograd.processor.ir.PullbackRule;
import io.microautograd.processor.ir.RuleOperation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The users' {@code @Derivative} and {@code @Pullback} rules, by target: those compiled in this
 * javac run, checked as they are read, and those of classes compiled elsewhere that
 * {@code @UseRules} names or that declare their own targets, read from their class files.
 */
public final class CustomRules {

    private final Elements elements;
    private final Map<MethodKey, List<RuleDeclaration>> compiled = new LinkedHashMap<>();
    private final Map<TypeElement, Map<MethodKey, List<RuleDeclaration>>> elsewhere = new HashMap<>();
    /** The targets of the rules the last {@link #add} read, in the order read. */
    private final Set<MethodKey> lastRound = new LinkedHashSet<>();
    /** The rules of classes compiled elsewhere that cannot be used, by target, to explain at a call. */
    private final Map<MethodKey, InvalidRule> unusableElsewhere = new HashMap<>();

    /** @param elements the processing environment's elements */
    public CustomRules(Elements elements) {
        this.elements = elements;
    }

    /**
     * Reads the rules declared on these methods, the annotated methods of one round.
     *
     * @return the rules that cannot be used, to report; the others are kept
     */
    public List<InvalidRule> add(Set<? extends Element> annotated) {
        List<InvalidRule> invalid = new ArrayList<>();
        lastRound.clear();
        for (ExecutableElement method : ElementFilter.methodsIn(annotated)) {
            for (AnnotationMirror annotation : ruleAnnotations(method)) {
                try {
                    RuleDeclaration.read(elements, method, annotation).ifPresent(rule -> {
                        List<RuleDeclaration> same = compiled.computeIfAbsent(rule.targetKey(), k -> new ArrayList<>());
                        boolean pullbacks = rule.pullback() || same.stream().anyMatch(RuleDeclaration::pullback);
                        same.stream().filter(other -> pullbacks || other.wrt() == rule.wrt()).findFirst()
                                .ifPresent(other -> {
                                    throw new InvalidRule((pullbacks ? "a rule" : "this partial") + " of "
                                            + describe(rule.target()) + " is already declared by "
                                            + describe(other.rule()) + "; keep one of them", method, annotation, null);
                                });
                        same.add(rule);
                        lastRound.add(rule.targetKey());
                    });
                } catch (InvalidRule e) {
                    invalid.add(e);
                }
            }
        }
        return invalid;
    }

    /**
     * The partials rule a call of {@code target} from a method of {@code caller} uses, if there is one.
     *
     * @throws Rejection at {@code at} when the rule is one the generated code cannot call
     */
    Optional<CustomRule> find(ExecutableElement target, TypeElement caller, Tree at) {
        return usable(target, caller, at).filter(rules -> !rules.get(0).pullback()).map(rules -> ruleOf(target, rules));
    }

    /**
     * The pullback rule a call of {@code target} from a method of {@code caller} uses, if there is one.
     *
     * @throws Rejection at {@code at} when the rule is one the generated code cannot call
     */
    Optional<PullbackRule> findPullback(ExecutableElement target, TypeElement caller, Tree at) {
        return usable(target, caller, at).filter(rules -> rules.get(0).pullback())
                .map(rules -> pullbackOf(rules.get(0)));
    }

    private static PullbackRule pullbackOf(RuleDeclaration rule) {
        return new PullbackRule(ownerOf(rule.rule()), rule.rule().getSimpleName().toString());
    }

    private Optional<List<RuleDeclaration>> usable(ExecutableElement target, TypeElement caller, Tree at) {
        MethodKey key = RuleDeclaration.keyOf(target);
        List<RuleDeclaration> rules = compiled.get(key);
        if (rules == null) {
            rules = sources(target, caller).stream().map(source -> declaredIn(source).get(key))
                    .filter(found -> found != null).findFirst().orElse(null);
        }
        if (rules == null && unusableElsewhere.containsKey(key)) {
            throw new Rejection(Tag.CUSTOM_RULE, at, "the rule " + describe(unusableElsewhere.get(key).rule()) + " of "
                    + target.getSimpleName() + " cannot be used: " + unusableElsewhere.get(key).getMessage()
                    .substring(Tag.CUSTOM_RULE.prefix().length()));
        }
        if (rules == null) {
            return Optional.empty();
        }
        String callerPackage = elements.getPackageOf(caller).getQualifiedName().toString();
        for (RuleDeclaration rule : rules) {
            if (!callableFrom(rule.rule(), callerPackage)) {
                throw new Rejection(Tag.CUSTOM_RULE, at, "the rule " + describe(rule.rule()) + " of "
                        + target.getSimpleName() + " is not public, so code generated in " + (callerPackage.isEmpty()
                        ? "the unnamed package" : "package " + callerPackage) + " cannot call it; make it and its"
                        + " class public");
            }
        }
        return Optional.of(rules);
    }

    private static CustomRule ruleOf(ExecutableElement target, List<RuleDeclaration> rules) {
        List<CustomRule.PartialMethod> partials = new ArrayList<>();
        target.getParameters().forEach(p -> partials.add(null));
        for (RuleDeclaration rule : rules) {
            partials.set(rule.wrt(), new CustomRule.PartialMethod(ownerOf(rule.rule()),
                    rule.rule().getSimpleName().toString(), rule.takesValue()));
        }
        return new CustomRule(partials);
    }

    /**
     * The {@code Value} operations of the rules the last {@link #add} read, by the class declaring
     * each target's first rule: one per method with a pullback or a partial for every parameter,
     * when that class's package can call the method and its rules.
     */
    public Map<TypeElement, List<RuleOperation>> operationsOfLastRound() {
        Map<TypeElement, List<RuleOperation>> operations = new LinkedHashMap<>();
        for (MethodKey key : lastRound) {
            List<RuleDeclaration> rules = compiled.get(key);
            ExecutableElement target = rules.get(0).target();
            TypeElement home = (TypeElement) rules.get(0).rule().getEnclosingElement();
            String homePackage = elements.getPackageOf(home).getQualifiedName().toString();
            boolean pullback = rules.get(0).pullback();
            CustomRule partials = pullback ? null : ruleOf(target, rules);
            if (!pullback && partials.partials().contains(null) || !callableFrom(target, homePackage)
                    || rules.stream().anyMatch(r -> !callableFrom(r.rule(), homePackage))) {
                continue;
            }
            operations.computeIfAbsent(home, k -> new ArrayList<>()).add(new RuleOperation(key.owner(), key.name(),
                    target.getParameters().stream().map(p -> p.getSimpleName().toString()).toList(),
                    Signature.ofCallee(target).orElseThrow().types(), partials,
                    pullback ? pullbackOf(rules.get(0)) : null));
        }
        return operations;
    }

    /** Whether the rules of {@code target} were read in this javac run, rather than from class files. */
    public boolean readInThisRun(MethodKey target) {
        return compiled.containsKey(target);
    }

    /** Whether some rule a method of {@code caller} may use has a target of this class and name. */
    boolean hasTargetNamed(TypeElement owner, String name, TypeElement caller) {
        String qualified = owner.getQualifiedName().toString();
        return compiled.keySet().stream().anyMatch(k -> k.owner().equals(qualified) && k.name().equals(name))
                || sources(null, caller).stream().flatMap(source -> declaredIn(source).keySet().stream())
                        .anyMatch(k -> k.owner().equals(qualified) && k.name().equals(name));
    }

    /** The classes compiled elsewhere whose rules a call from {@code caller} may use. */
    private List<TypeElement> sources(ExecutableElement target, TypeElement caller) {
        List<TypeElement> sources = new ArrayList<>();
        for (Element e = caller; e != null; e = e.getEnclosingElement()) {
            for (AnnotationMirror annotation : e.getAnnotationMirrors()) {
                if (((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName()
                        .contentEquals(UseRules.class.getCanonicalName())) {
                    annotation.getElementValues().values().forEach(value -> classes(value, sources));
                }
            }
            if (e instanceof PackageElement) {
                break;
            }
        }
        if (target != null) {
            sources.add((TypeElement) target.getEnclosingElement());
        }
        return sources;
    }

    @SuppressWarnings("unchecked")
    private static void classes(AnnotationValue value, List<TypeElement> out) {
        for (AnnotationValue each : (List<? extends AnnotationValue>) value.getValue()) {
            if (each.getValue() instanceof DeclaredType type && type.asElement() instanceof TypeElement element) {
                out.add(element);
            }
        }
    }

    /** The usable rules a class compiled elsewhere declares, by target. */
    private Map<MethodKey, List<RuleDeclaration>> declaredIn(TypeElement source) {
        return elsewhere.computeIfAbsent(source, type -> {
            Map<MethodKey, List<RuleDeclaration>> rules = new HashMap<>();
            for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                for (AnnotationMirror annotation : ruleAnnotations(method)) {
                    try {
                        RuleDeclaration.read(elements, method, annotation).ifPresent(rule ->
                                rules.computeIfAbsent(rule.targetKey(), k -> new ArrayList<>()).add(rule));
                    } catch (InvalidRule unusable) {
                        if (unusable.target() != null) {
                            unusableElsewhere.putIfAbsent(unusable.target(), unusable);
                        }
                    }
                }
            }
            return rules;
        });
    }

    private static List<AnnotationMirror> ruleAnnotations(ExecutableElement method) {
        Set<String> rules = Set.of(Derivative.class.getCanonicalName(), Pullback.class.getCanonicalName());
        return method.getAnnotationMirrors().stream().filter(a -> rules.contains(((TypeElement) a.getAnnotationType()
                .asElement()).getQualifiedName().toString())).map(a -> (AnnotationMirror) a).toList();
    }

    private boolean callableFrom(ExecutableElement method, String callerPackage) {
        if (elements.getPackageOf(method).getQualifiedName().contentEquals(callerPackage)) {
            return true;
        }
        for (Element e = method; !(e instanceof PackageElement); e = e.getEnclosingElement()) {
            if (!e.getModifiers().contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private static String ownerOf(ExecutableElement method) {
        return ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString();
    }

    private static String describe(ExecutableElement method) {
        return ((TypeElement) method.getEnclosingElement()).getSimpleName() + "." + method.getSimpleName()
                + "(" + String.join(", ", TypeNames.parameters(method)) + ")";
    }
}
