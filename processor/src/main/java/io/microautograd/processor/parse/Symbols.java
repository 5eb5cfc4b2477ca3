package io.microautograd.processor.parse;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import io.microautograd.Differentiable;
import io.microautograd.processor.ir.Callee;
import io.microautograd.processor.ir.CustomRule;
import io.microautograd.processor.ir.PullbackRule;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.MethodFacts;
import io.microautograd.processor.ir.Type;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Resolves the names a method body uses beyond its locals: classes, static final constants and
 * static methods. Bodies are not type-attributed while processors run, so this works from the
 * compilation unit's imports and the Elements API.
 */
final class Symbols {

    private final Elements elements;
    private final FactsReader facts;
    private final CustomRules rules;
    private final TypeElement enclosingClass;
    private final CompilationUnitTree unit;
    private final int order;

    /** @param order the order of the method whose body this resolves */
    Symbols(Elements elements, FactsReader facts, CustomRules rules, TypeElement enclosingClass,
            CompilationUnitTree unit, int order) {
        this.order = order;
        this.elements = elements;
        this.facts = facts;
        this.rules = rules;
        this.enclosingClass = enclosingClass;
        this.unit = unit;
    }

    /** The class the method is declared in. */
    TypeElement enclosingClass() {
        return enclosingClass;
    }

    /** The class a (possibly qualified) name in the body refers to, if any. */
    Optional<TypeElement> resolveClass(ExpressionTree name) {
        String dotted = dottedName(name);
        return dotted == null ? Optional.empty() : resolveClass(dotted);
    }

    private Optional<TypeElement> resolveClass(String dotted) {
        String first = dotted.contains(".") ? dotted.substring(0, dotted.indexOf('.')) : dotted;
        String rest = dotted.substring(first.length());
        for (Element e = enclosingClass; e instanceof TypeElement type; e = e.getEnclosingElement()) {
            if (type.getSimpleName().contentEquals(first)) {
                return lookup(type.getQualifiedName() + rest);
            }
            for (TypeElement member : ElementFilter.typesIn(type.getEnclosedElements())) {
                if (member.getSimpleName().contentEquals(first)) {
                    return lookup(member.getQualifiedName() + rest);
                }
            }
        }
        for (ImportTree imported : unit.getImports()) {
            String importedName = imported.getQualifiedIdentifier().toString();
            if (!imported.isStatic() && importedName.endsWith("." + first)) {
                return lookup(importedName + rest);
            }
        }
        String pkg = GradientClassName.packageOf(enclosingClass);
        Optional<TypeElement> samePackage = lookup(pkg.isEmpty() ? dotted : pkg + "." + dotted);
        if (samePackage.isPresent()) {
            return samePackage;
        }
        Optional<TypeElement> javaLang = lookup("java.lang." + dotted);
        return javaLang.isPresent() ? javaLang : lookup(dotted);
    }

    /**
     * The class among whose members a simple name is looked up, by Java's scoping: the innermost
     * enclosing class that has a member of that name and kind, inherited ones included, else the
     * class of a single static import of that name, else a class imported on demand
     * ({@code import static p.C.*}) that has a static member of that name.
     *
     * @param kind {@link ElementKind#METHOD} for a call, {@link ElementKind#FIELD} for a constant
     */
    Optional<TypeElement> ownerOf(String name, ElementKind kind) {
        for (Element e = enclosingClass; e instanceof TypeElement type; e = e.getEnclosingElement()) {
            for (Element member : elements.getAllMembers(type)) {
                if (member.getKind() == kind && member.getSimpleName().contentEquals(name)) {
                    return Optional.of(type);
                }
            }
        }
        for (ImportTree imported : unit.getImports()) {
            if (imported.isStatic() && imported.getQualifiedIdentifier() instanceof MemberSelectTree single
                    && single.getIdentifier().contentEquals(name)) {
                Optional<TypeElement> owner = lookup(single.getExpression().toString());
                if (owner.isPresent() && hasStaticMember(owner.get(), name, kind)) {
                    return owner;
                }
            }
        }
        for (ImportTree imported : unit.getImports()) {
            if (imported.isStatic() && imported.getQualifiedIdentifier() instanceof MemberSelectTree onDemand
                    && onDemand.getIdentifier().contentEquals("*")) {
                Optional<TypeElement> owner = lookup(onDemand.getExpression().toString());
                if (owner.isPresent() && hasStaticMember(owner.get(), name, kind)) {
                    return owner;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasStaticMember(TypeElement owner, String name, ElementKind kind) {
        return owner.getEnclosedElements().stream().anyMatch(m -> m.getKind() == kind
                && m.getSimpleName().contentEquals(name) && m.getModifiers().contains(Modifier.STATIC));
    }

    /** Whether the JDK compiling has {@code Math.clamp} (Java 21 and later). */
    boolean hasMathClamp() {
        TypeElement math = elements.getTypeElement("java.lang.Math");
        return math != null && hasStaticMember(math, "clamp", ElementKind.METHOD);
    }

    /** A static final field of {@code owner} as an expression, or empty if there is none. */
    Optional<Expr> constant(TypeElement owner, String field, Tree at) {
        for (VariableElement variable : ElementFilter.fieldsIn(elements.getAllMembers(owner))) {
            if (!variable.getSimpleName().contentEquals(field)) {
                continue;
            }
            Optional<Type> type = Types.of(variable.asType());
            boolean staticFinal = variable.getModifiers().contains(Modifier.STATIC)
                    && variable.getModifiers().contains(Modifier.FINAL);
            if (!staticFinal || type.isEmpty() || type.get().hasElements()) {
                throw new Rejection(Tag.UNKNOWN_NAME, at, "field " + field + " is not a static final double, int, "
                        + "long or boolean; a differentiable method may read only its parameters, its locals "
                        + "and such constants");
            }
            Object value = variable.getConstantValue();
            if (variable.getModifiers().contains(Modifier.PRIVATE)) {
                if (value == null) {
                    throw new Rejection(Tag.UNKNOWN_NAME, at, "private field " + field + " is not a compile-time "
                            + "constant, so the generated class cannot read it; make it package-private");
                }
                return Optional.of(Literals.of(value, type.get()));
            }
            return Optional.of(new Expr.Constant(
                    ((TypeElement) variable.getEnclosingElement()).getQualifiedName().toString(), field, type.get()));
        }
        return Optional.empty();
    }

    /**
     * The static method {@code name} of {@code owner}, inherited ones included, that a call with
     * arguments of these types means: the one method of that name and number of parameters, or
     * among overloads the most specific of those the arguments fit, as Java chooses (an int widens
     * to a long and a double, a long to a double; arrays fit only their own type).
     *
     * @throws Rejection when there is none, the choice is ambiguous, or the method's types are
     *     outside the subset
     */
    Callee callee(TypeElement owner, String name, List<Type> arguments, Tree at) {
        List<ExecutableElement> candidates = ElementFilter.methodsIn(elements.getAllMembers(owner)).stream()
                .filter(m -> m.getSimpleName().contentEquals(name) && m.getParameters().size() == arguments.size())
                .toList();
        String called = owner.getSimpleName() + "." + name;
        if (candidates.isEmpty()) {
            throw new Rejection(Tag.UNSUPPORTED_CALL, at, "no method " + called + " with " + arguments.size()
                    + " arguments; calls are supported to Math functions and to static methods");
        }
        ExecutableElement method = candidates.size() == 1 ? candidates.get(0)
                : Overloads.choose(candidates, arguments, called, at);
        Optional<Signature> signature = Signature.ofCallee(method);
        Optional<Type> returnType = Types.of(method.getReturnType());
        if (!method.getModifiers().contains(Modifier.STATIC) || signature.isEmpty() || returnType.isEmpty()
                || returnType.get().hasElements()) {
            throw new Rejection(Tag.UNSUPPORTED_CALL, at, "call of " + owner.getSimpleName() + "." + name
                    + ", which is not a static method taking " + Types.SUPPORTED_PARAMETERS + " and returning a scalar");
        }
        boolean differentiable = method.getAnnotation(Differentiable.class) != null;
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            throw new Rejection(Tag.UNSUPPORTED_CALL, at, "call of private method " + owner.getSimpleName() + "."
                    + name + ", which the generated class cannot call; make it package-private");
        }
        List<String> parameterNames = method.getParameters().stream().map(p -> p.getSimpleName().toString())
                .toList();
        TypeElement declaring = (TypeElement) method.getEnclosingElement();
        Optional<CustomRule> rule = rules.find(method, enclosingClass, at);
        if (rule.isPresent()) {
            return new Callee(declaring.getQualifiedName().toString(), null, name, parameterNames,
                    signature.get().types(), differentiatedBy(rule.get()), returnType.get(), rule.get(), null, null);
        }
        Optional<PullbackRule> pullback = rules.findPullback(method, enclosingClass, at);
        if (pullback.isPresent()) {
            List<Boolean> differentiated = signature.get().types().stream().map(Types::isDifferentiable).toList();
            return new Callee(declaring.getQualifiedName().toString(), null, name, parameterNames,
                    signature.get().types(), differentiated, returnType.get(), null, pullback.get(), null);
        }
        List<Boolean> differentiated = signature.get().differentiated();
        if (facts.compiledElsewhere(method)) {
            MethodFacts compiled = facts.read(method, at);
            parameterNames = compiled.parameterNames();
            differentiated = compiled.differentiatedFlags();
        }
        return new Callee(declaring.getQualifiedName().toString(),
                differentiable ? GradientClassName.qualifiedNameOf(declaring) : null, name, parameterNames,
                signature.get().types(), differentiated, returnType.get());
    }

    /**
     * A call of a method of a generated gradient class, {@code receiver} naming it as {@code FooGrad}
     * names the class generated for a visible class {@code Foo}, whether or not it is generated yet
     * (a class of this round gets it only after this round): the tangent {@code fTangent} of a
     * {@code @Differentiable} method {@code f} of order 2, with {@code arguments} its parameters and
     * then a direction per differentiated parameter, or its gradient {@code f}, with the parameters
     * and then the storage of the scalar partials, is a nested derivative, a function the caller
     * differentiates through {@code f}'s second-order code. Empty when {@code receiver} names no such
     * class.
     *
     * @throws Rejection when the call is of another generated method, of a derivative of a method of
     *     order 1, or of a gradient with array partials, or from a method of order 2, whose second
     *     derivatives would need third ones
     */
    Optional<NestedDerivative> nestedDerivative(ExpressionTree receiver, String name, List<Type> arguments,
            Tree at) {
        String dotted = dottedName(receiver);
        if (dotted == null || !dotted.endsWith(GradientClassName.GRADIENT_SUFFIX)) {
            return Optional.empty();
        }
        String generated = dotted.substring(dotted.lastIndexOf('.') + 1);
        Optional<TypeElement> generatedClass = resolveClass(dotted);
        Optional<TypeElement> source = generatedClass.isPresent()
                ? lookup(withoutSuffix(generatedClass.get().getQualifiedName().toString()))
                : resolveClass(withoutSuffix(dotted));
        if (source.isEmpty() || !GradientClassName.simpleNameOf(source.get()).equals(generated)
                || ElementFilter.methodsIn(source.get().getEnclosedElements()).stream()
                        .noneMatch(m -> m.getAnnotation(Differentiable.class) != null)) {
            return Optional.empty();
        }
        String called = generated + "." + name;
        boolean tangent = name.endsWith("Tangent");
        String of = tangent ? name.substring(0, name.length() - "Tangent".length()) : name;
        List<ExecutableElement> differentiable = ElementFilter.methodsIn(source.get().getEnclosedElements()).stream()
                .filter(m -> m.getSimpleName().contentEquals(of) && m.getAnnotation(Differentiable.class) != null)
                .toList();
        for (int count : differentiable.stream().mapToInt(m -> m.getParameters().size()).distinct().toArray()) {
            if (count >= arguments.size()) {
                continue;
            }
            Callee base = callee(source.get(), of, arguments.subList(0, count), at);
            long scalars = base.differentiatedScalarCount();
            long added = tangent ? base.differentiated().stream().filter(d -> d).count()
                    : (scalars > 0 ? 1 : 0) + base.differentiated().stream().filter(d -> d).count() - scalars;
            if (count + added != arguments.size()) {
                continue;
            }
            if (differentiable.stream().filter(m -> m.getParameters().size() == count)
                    .anyMatch(m -> m.getAnnotation(Differentiable.class).order() < DerivativeOrder.SECOND)) {
                throw new Rejection(Tag.SECOND_ORDER, at, "call of " + called + ", the " + (tangent ? "tangent"
                        : "gradient") + " of " + of + ", which has no second-order methods; the derivatives of a "
                        + "method calling it are one call of " + of + "'s Hessian-vector product code: give " + of
                        + " @Differentiable(order = 2)");
            }
            if (order >= DerivativeOrder.SECOND) {
                throw new Rejection(Tag.SECOND_ORDER, at, "call of " + called + ", a derivative of " + of + ", from a "
                        + "method of order 2, whose second derivatives would be third derivatives of " + of
                        + ", which are not generated; use order = 1 for the calling method");
            }
            if (!tangent && scalars < base.differentiated().stream().filter(d -> d).count()) {
                throw new Rejection(Tag.UNSUPPORTED_CALL, at, "call of " + called + ", the gradient of " + of
                        + ", which differentiates an array parameter; a nested gradient may have only scalar "
                        + "partials: take those of an array's elements as tangents, " + of + "Tangent along unit "
                        + "directions");
            }
            return Optional.of(new NestedDerivative(tangent ? Callee.tangentOf(base, base.key())
                    : Callee.partialOf(base, base.key()), count, !tangent));
        }
        throw new Rejection(Tag.UNSUPPORTED_CALL, at, "call of " + called + " with " + arguments.size()
                + " arguments; of a generated class, a @Differentiable method may call fTangent of a method f of "
                + "order 2 (its parameters, then a direction for each differentiated parameter) and, as a "
                + "statement, f adding its gradient into a local array (its parameters, then the array), which "
                + "it differentiates through f's second derivatives");
    }

    /**
     * A call of a derivative of another method, as {@link #nestedDerivative} reads it.
     *
     * @param callee the tangent, or for a gradient the partial whose calls give the gradient's slots
     * @param parameters the number of the method's own parameters among the call's arguments; those
     *     after them are the directions or the gradient's storage
     * @param isGradient whether the call is of the gradient adding into storage, not of the tangent
     */
    record NestedDerivative(Callee callee, int parameters, boolean isGradient) {
    }

    private static String withoutSuffix(String generated) {
        return generated.substring(0, generated.length() - GradientClassName.GRADIENT_SUFFIX.length());
    }

    /**
     * Whether a call of {@code name} of {@code Math} or {@code StrictMath} may have a user's rule
     * replacing the built-in one, and so resolves as calls of other classes do.
     */
    boolean mayReplaceMath(TypeElement math, String name) {
        return rules.hasTargetNamed(math, name, enclosingClass);
    }

    /** The parameters a rule differentiates: those it has a partial for. */
    private static List<Boolean> differentiatedBy(CustomRule rule) {
        return rule.partials().stream().map(p -> p != null).toList();
    }

    private Optional<TypeElement> lookup(String qualifiedName) {
        TypeElement type = elements.getTypeElement(qualifiedName);
        return type != null && type.getKind() != ElementKind.PACKAGE ? Optional.of(type) : Optional.empty();
    }

    private static String dottedName(ExpressionTree tree) {
        if (tree instanceof IdentifierTree identifier) {
            return identifier.getName().toString();
        }
        if (tree instanceof MemberSelectTree select) {
            String left = dottedName(select.getExpression());
            return left == null ? null : left + "." + select.getIdentifier();
        }
        return null;
    }
}
