package io.microautograd.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.microautograd.Derivative;
import io.microautograd.Differentiable;
import io.microautograd.UseRules;
import io.microautograd.processor.diff.ForwardOverReverse;
import io.microautograd.processor.diff.HessianVector;
import io.microautograd.processor.diff.LostDerivatives;
import io.microautograd.processor.diff.Pullback;
import io.microautograd.processor.diff.ReverseMode;
import io.microautograd.processor.diff.TangentMode;
import io.microautograd.processor.emit.GeneratedSignatures;
import io.microautograd.processor.emit.GradientClassWriter;
import io.microautograd.processor.emit.GradientMethod;
import io.microautograd.processor.emit.OperationClassWriter;
import io.microautograd.processor.emit.RuleOperations;
import io.microautograd.processor.emit.ValueTwins;
import io.microautograd.processor.ir.Callee;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.MethodKey;
import io.microautograd.processor.ir.RuleOperation;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Variable;
import io.microautograd.processor.parse.BodyReader;
import io.microautograd.processor.parse.CustomRules;
import io.microautograd.processor.parse.FactsReader;
import io.microautograd.processor.parse.GradientClassName;
import io.microautograd.processor.parse.MethodRejected;
import io.microautograd.processor.parse.ParsedMethod;
import io.microautograd.processor.parse.Rejection;
import io.microautograd.processor.parse.Tag;
import io.microautograd.processor.parse.TypeNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Compiles {@code @Differentiable} methods into reverse-mode gradient code. The round loop is
 * thin: it groups annotated methods by class, hands each to the reader and the differentiator,
 * and writes one class per user class. It never lets an exception escape and never claims the
 * annotation.
 */
@AutoService(Processor.class)
public final class DifferentiableProcessor extends AbstractProcessor {

    private Trees trees;
    private Reporter reporter;
    private CustomRules rules;
    private RuleOperations operations;

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        try {
            trees = Trees.instance(environment);
        } catch (IllegalArgumentException notJavac) {
            trees = null;
        }
        reporter = new Reporter(trees, environment.getMessager());
        rules = new CustomRules(environment.getElementUtils());
        operations = new RuleOperations(environment.getElementUtils(), rules::readInThisRun);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Differentiable.class.getCanonicalName(), Derivative.class.getCanonicalName(),
                io.microautograd.Pullback.class.getCanonicalName(), UseRules.class.getCanonicalName());
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Set<? extends Element> ruleMethods = round.getElementsAnnotatedWithAny(Set.of(Derivative.class,
                io.microautograd.Pullback.class));
        if (!ruleMethods.isEmpty()) {
            try {
                rules.add(ruleMethods).forEach(reporter::invalidRule);
                if (engineOnClassPath()) {
                    rules.operationsOfLastRound().forEach(this::writeOperations);
                }
            } catch (RuntimeException | LinkageError e) {
                reporter.bug(e, ruleMethods.iterator().next());
            }
        }
        Map<TypeElement, List<ExecutableElement>> byClass = new LinkedHashMap<>();
        for (ExecutableElement method : ElementFilter.methodsIn(round.getElementsAnnotatedWith(Differentiable.class))) {
            byClass.computeIfAbsent((TypeElement) method.getEnclosingElement(), k -> new ArrayList<>()).add(method);
        }
        if (byClass.isEmpty()) {
            return false;
        }
        if (trees == null) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Tag.INTERNAL_ERROR.prefix()
                    + "MicroAutograd reads method bodies through the javac Tree API; compile with javac");
            return false;
        }
        try {
            processRound(byClass);
        } catch (RuntimeException | LinkageError e) {
            reporter.bug(e, byClass.keySet().iterator().next());
        }
        return false;
    }

    /** A method read without errors, with what is needed to report on it. */
    private record ReadMethod(MethodKey key, ExecutableElement element, CompilationUnitTree unit,
            ParsedMethod parsed) {
    }

    private void processRound(Map<TypeElement, List<ExecutableElement>> byClass) {
        Map<MethodKey, ReadMethod> read = new LinkedHashMap<>();
        Set<MethodKey> failed = new HashSet<>();
        Set<ExecutableElement> round = new HashSet<>();
        byClass.values().forEach(round::addAll);
        FactsReader facts = new FactsReader(processingEnv.getElementUtils(), round);
        CallGraph graph = new CallGraph(facts::find);
        for (Map.Entry<TypeElement, List<ExecutableElement>> ofType : byClass.entrySet()) {
            List<ReadMethod> ofClass = new ArrayList<>();
            Map<Element, TreePath> paths = methodPaths(ofType.getKey());
            for (ExecutableElement method : ofType.getValue()) {
                MethodKey key = new MethodKey(((TypeElement) method.getEnclosingElement()).getQualifiedName()
                        .toString(), method.getSimpleName().toString(), TypeNames.parameters(method));
                ReadMethod result = readMethod(key, method, paths.computeIfAbsent(method, trees::getPath), facts);
                if (result == null || clashes(result, ofClass)) {
                    failed.add(key);
                } else {
                    ofClass.add(result);
                    read.put(key, result);
                    graph.add(key, result.parsed());
                }
            }
        }
        for (CallGraph.BrokenCall broken : graph.brokenCalls(failed)) {
            ReadMethod caller = read.remove(broken.caller());
            if (caller != null) {
                report(caller, broken);
            }
        }
        Map<TypeElement, List<GradientMethod>> generated = new LinkedHashMap<>();
        Map<TypeElement, Map<MethodKey, Function>> twinned = new LinkedHashMap<>();
        for (ReadMethod method : read.values()) {
            GradientMethod result = differentiate(method, graph);
            if (result != null) {
                TypeElement type = (TypeElement) method.element().getEnclosingElement();
                generated.computeIfAbsent(type, k -> new ArrayList<>()).add(result);
                twinned.computeIfAbsent(type, k -> new LinkedHashMap<>()).put(method.key(),
                        method.parsed().function());
            }
        }
        generated.forEach(this::write);
        if (engineOnClassPath()) {
            for (JavaFile twins : ValueTwins.write(twinned, this::compiledTwin, operations,
                    getClass().getName())) {
                // A class of the user's with the twins' name keeps it; the gradient class needs no twins.
                if (processingEnv.getElementUtils().getTypeElement(twins.packageName().isEmpty()
                        ? twins.typeSpec().name() : twins.packageName() + "." + twins.typeSpec().name()) == null) {
                    write(twins);
                }
            }
        }
    }

    /**
     * Whether the engine is on the class path, where rules get {@code Value} operations and methods
     * their twins. Its package is looked up first: where it is absent javac says so at once, while a
     * look-up of the class alone first tries each prefix of its name as a class.
     */
    private boolean engineOnClassPath() {
        return processingEnv.getElementUtils().getPackageElement(ValueTwins.VALUE_CLASS.packageName()) != null
                && processingEnv.getElementUtils().getTypeElement(ValueTwins.VALUE_CLASS.canonicalName()) != null;
    }

    /** The class of the twin of {@code callee}, compiled in an earlier javac run, if it has one. */
    private Optional<ClassName> compiledTwin(Callee callee) {
        TypeElement twins = processingEnv.getElementUtils().getTypeElement(
                GradientClassName.twinClassOf(callee.gradientClass()));
        return twins != null && ElementFilter.methodsIn(twins.getEnclosedElements()).stream().anyMatch(m ->
                m.getSimpleName().contentEquals(callee.name()) && m.getParameters().size() == callee.parameterTypes()
                        .size()) ? Optional.of(ClassName.get(twins)) : Optional.empty();
    }

    private void write(JavaFile file) {
        try {
            file.writeTo(processingEnv.getFiler());
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Tag.INTERNAL_ERROR.prefix()
                    + "could not write " + file.packageName() + "." + file.typeSpec().name() + ": " + e.getMessage(),
                    file.typeSpec().originatingElements().get(0));
        }
    }

    /**
     * Whether a generated method of {@code method} would have the signature of one generated for
     * an earlier method of its class (overloads that Java cannot tell apart once their storage
     * parameters are added); reported at {@code method}, which is then not generated.
     */
    private boolean clashes(ReadMethod method, List<ReadMethod> earlier) {
        Function later = method.parsed().function();
        for (ReadMethod other : earlier) {
            Optional<GeneratedSignatures.Clash> clash = GeneratedSignatures.between(other.parsed().function(), later);
            if (clash.isPresent()) {
                reporter.error(Tag.OVERLOAD, other.element().getSimpleName() + describe(other.element()) + " and "
                        + method.element().getSimpleName() + describe(method.element()) + " would both have the "
                        + "generated method " + clash.get().signature() + " (" + clash.get().earlierForm() + " of the "
                        + "first, " + clash.get().laterForm() + " of the second); rename one of them",
                        trees.getTree(method.element()), method.element(), method.unit());
                return true;
            }
        }
        return false;
    }

    private static String describe(ExecutableElement method) {
        return TypeNames.parameters(method).stream().collect(Collectors.joining(", ", "(", ")"));
    }

    private void report(ReadMethod caller, CallGraph.BrokenCall broken) {
        Callee called = broken.call().callee();
        // A nested derivative is broken by its method: the error names the method to fix.
        String callee = called.derivativeOf() != null ? called.derivativeOf().name() : called.name();
        String message;
        switch (broken.reason()) {
            case RECURSION:
                message = caller.element().getSimpleName() + " calls " + callee + ", which leads back to "
                        + caller.element().getSimpleName() + "; recursion is not supported, write it as a loop";
                break;
            case WRITES_ARRAY_ARGUMENT:
                message = "call of " + callee + ", which writes into its array parameter " + broken.detail()
                        + "; a @Differentiable method may call only methods that leave their array arguments"
                        + " unchanged: let " + callee + " copy " + broken.detail() + " into a local array and write there";
                break;
            case FIRST_ORDER_CALLEE:
                message = "call of " + callee + ", which has no second-order methods, from "
                        + caller.element().getSimpleName() + ", whose Hessian-vector product would call them; give "
                        + callee + " @Differentiable(order = 2) too";
                break;
            case RULE_WITHOUT_SECOND_ORDER:
                message = "call of " + callee + ", whose derivative is a user's rule, from "
                        + caller.element().getSimpleName() + ", whose Hessian-vector product would need the rule's own"
                        + " derivative, which rules do not give; use order = 1 for " + caller.element().getSimpleName()
                        + ", or write " + callee + " as a @Differentiable(order = 2) method without the rule";
                break;
            default:
                message = "call of " + callee + ", which could not be differentiated (see its errors); fix " + callee
                        + " first";
        }
        Tag tag = switch (broken.reason()) {
            case RECURSION -> Tag.RECURSION;
            case FIRST_ORDER_CALLEE, RULE_WITHOUT_SECOND_ORDER -> Tag.SECOND_ORDER;
            case WRITES_ARRAY_ARGUMENT, BROKEN_CALLEE -> Tag.UNSUPPORTED_CALL;
        };
        reporter.error(tag, message, caller.parsed().callSites().get(broken.call()), caller.element(), caller.unit());
    }

    private void writeOperations(TypeElement rules, List<RuleOperation> ofRules) {
        write(OperationClassWriter.write(rules, ofRules, getClass().getName()));
        operations.written(OperationClassWriter.nameOf(rules), ofRules);
    }

    private void write(TypeElement type, List<GradientMethod> methods) {
        ClassName name = ClassName.get(GradientClassName.packageOf(type), GradientClassName.simpleNameOf(type));
        write(GradientClassWriter.write(type, name, methods, getClass().getName()));
    }

    /**
     * The paths of the methods {@code type} declares, found from its own path: javac finds the path
     * of an element by scanning its file from the top, so asking it for each method of a class of
     * many scans the class once per method.
     */
    private Map<Element, TreePath> methodPaths(TypeElement type) {
        Map<Element, TreePath> paths = new HashMap<>();
        TreePath typePath = trees.getPath(type);
        if (typePath != null && typePath.getLeaf() instanceof ClassTree declaration) {
            for (Tree member : declaration.getMembers()) {
                if (member instanceof MethodTree) {
                    TreePath path = new TreePath(typePath, member);
                    paths.put(trees.getElement(path), path);
                }
            }
        }
        return paths;
    }

    /**
     * Reads one method; null when it had errors, which are then reported, every one.
     *
     * @param path where the method is declared; null where it has no source
     */
    private ReadMethod readMethod(MethodKey key, ExecutableElement method, TreePath path, FactsReader facts) {
        CompilationUnitTree unit = path == null ? null : path.getCompilationUnit();
        try {
            MethodTree tree = (MethodTree) path.getLeaf();
            ParsedMethod parsed = BodyReader.read(trees, processingEnv.getElementUtils(), facts, rules, method,
                    tree, unit);
            List<Expr.Call> lost = LostDerivatives.callsOfPlainMethods(parsed.function());
            for (Expr.Call call : lost) {
                reporter.error(Tag.UNSUPPORTED_CALL, "call of " + call.callee().name() + ", which is not "
                        + "@Differentiable, with an argument that depends on a differentiated parameter; annotate "
                        + call.callee().name() + " with @Differentiable or pass it only values that are constants,"
                        + " or declare its derivative with @Derivative or @Pullback (rules compiled elsewhere: name"
                        + " their class in @UseRules)",
                        parsed.callSites().get(call), method, unit);
            }
            List<LostDerivatives.ArgumentOutsideWrt> outsideWrt = LostDerivatives.argumentsOutsideWrt(parsed.function());
            for (LostDerivatives.ArgumentOutsideWrt argument : outsideWrt) {
                String callee = argument.call().callee().name();
                boolean ruled = argument.call().callee().rule() != null;
                reporter.error(ruled ? Tag.CUSTOM_RULE : Tag.UNSUPPORTED_CALL, "call of " + callee + " passes a value"
                        + " that depends on a differentiated parameter to its parameter " + argument.parameter()
                        + ", which " + (ruled ? "the @Derivative rules of " + callee + " give no partial for"
                        : callee + " does not differentiate") + ", so that derivative would be lost; " + (ruled
                        ? "declare a @Derivative of " + callee + " with wrt = \"" + argument.parameter() + "\""
                        : "add \"" + argument.parameter() + "\" to the wrt of " + callee + "'s @Differentiable")
                        + " or pass it only constants", parsed.callSites().get(argument.call()), method, unit);
            }
            return lost.isEmpty() && outsideWrt.isEmpty() ? new ReadMethod(key, method, unit, parsed) : null;
        } catch (Rejection rejection) {
            reporter.reject(rejection, method, unit);
        } catch (MethodRejected rejected) {
            rejected.rejections().forEach(rejection -> reporter.reject(rejection, method, unit));
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            reporter.bug(e, method);
        }
        return null;
    }

    /** Differentiates one method; null after reporting a bug. */
    private GradientMethod differentiate(ReadMethod method, CallGraph graph) {
        try {
            Function function = method.parsed().function();
            Pullback pullback = ReverseMode.differentiate(function, graph::mayHoldArrays);
            pullback.tapedNotCheckpointed().forEach((loop, reason) -> reporter.note(Tag.CHECKPOINT,
                    "this loop is taped, not checkpointed: " + reason, method.parsed().loopSites().get(loop),
                    method.unit()));
            boolean outputs = !function.outputs().isEmpty();
            return new GradientMethod(pullback, TangentMode.differentiate(function), secondOrder(function, pullback,
                    graph), outputs ? ReverseMode.vectorJacobian(function, graph::mayHoldArrays) : null,
                    outputs ? TangentMode.jacobianVector(function) : null, sourceVariables(function),
                    graph.facts(method.key()));
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            reporter.bug(e, method.element());
            return null;
        }
    }

    /**
     * The Hessian-vector product of a method of order 2, null for order 1. Its pullback tapes every
     * loop: where the gradient checkpoints one, this one is differentiated again without.
     */
    private static HessianVector secondOrder(Function function, Pullback pullback, CallGraph graph) {
        if (function.order() < 2) {
            return null;
        }
        Pullback taped = function.checkpoints() == 0 ? pullback : ReverseMode.differentiate(new Function(
                function.name(), function.parameters(), function.differentiated(), function.order(), function.body(),
                function.firstFreeId(), 0), graph::mayHoldArrays);
        return ForwardOverReverse.differentiate(taped);
    }

    private static List<Variable> sourceVariables(Function function) {
        List<Variable> variables = new ArrayList<>(function.parameters());
        IrWalk.statements(function.body(), s -> {
            if (s instanceof Stmt.Assign a && !variables.contains(a.target())) {
                variables.add(a.target());
            }
        });
        return variables;
    }
}
