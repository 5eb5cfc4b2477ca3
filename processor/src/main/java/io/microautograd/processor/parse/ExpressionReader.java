package io.microautograd.processor.parse;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Callee;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.FloatTyping;
import io.microautograd.processor.ir.MathFunction;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.UnaryOp;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/** Reads expression trees into IR expressions, rejecting whatever the subset does not support. */
final class ExpressionReader {

    private final Scope scope;
    private final Symbols symbols;
    private final Rejections rejections;
    private final SourceText source;
    /** Where each call is in the source: a map of occurrences, so two equal calls keep their own trees. */
    private final Map<Expr.Call, Tree> callSites = new IdentityHashMap<>();

    ExpressionReader(Scope scope, Symbols symbols, Rejections rejections, SourceText source) {
        this.scope = scope;
        this.symbols = symbols;
        this.rejections = rejections;
        this.source = source;
    }

    /** Resolves the names the body uses beyond its locals. */
    Symbols symbols() {
        return symbols;
    }

    /** Where each call read so far appears in the source. */
    Map<Expr.Call, Tree> callSites() {
        return callSites;
    }

    /** Reads an expression that must be numeric. */
    Expr numeric(ExpressionTree tree) {
        Expr expr = read(tree);
        if (!expr.type().isNumeric()) {
            throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree, "expected a number here, found a "
                    + expr.type().javaName() + " expression");
        }
        return expr;
    }

    /** Reads an expression that must be boolean. */
    Expr condition(ExpressionTree tree) {
        Expr expr = read(tree);
        if (expr.type() != Type.BOOLEAN) {
            throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree, "expected a boolean condition here, found a "
                    + expr.type().javaName() + " expression");
        }
        return expr;
    }

    /** Reads any supported expression. */
    Expr read(ExpressionTree tree) {
        switch (tree.getKind()) {
            case PARENTHESIZED:
                return read(((ParenthesizedTree) tree).getExpression());
            case INT_LITERAL:
            case LONG_LITERAL:
            case FLOAT_LITERAL:
            case DOUBLE_LITERAL:
            case BOOLEAN_LITERAL:
                return literal((LiteralTree) tree);
            case IDENTIFIER:
                return identifier((IdentifierTree) tree);
            case MEMBER_SELECT:
                return memberSelect((MemberSelectTree) tree);
            case UNARY_MINUS:
                return new Expr.Unary(UnaryOp.NEG, numeric(((UnaryTree) tree).getExpression()));
            case UNARY_PLUS:
                return new Expr.Unary(UnaryOp.PLUS, numeric(((UnaryTree) tree).getExpression()));
            case LOGICAL_COMPLEMENT:
                return new Expr.Unary(UnaryOp.NOT, condition(((UnaryTree) tree).getExpression()));
            case CONDITIONAL_EXPRESSION:
                return conditional((ConditionalExpressionTree) tree);
            case METHOD_INVOCATION:
                return invocation((MethodInvocationTree) tree);
            case TYPE_CAST:
                return cast((TypeCastTree) tree);
            case PREFIX_INCREMENT:
            case PREFIX_DECREMENT:
            case POSTFIX_INCREMENT:
            case POSTFIX_DECREMENT:
            case ASSIGNMENT:
            case PLUS_ASSIGNMENT:
            case MINUS_ASSIGNMENT:
            case MULTIPLY_ASSIGNMENT:
            case DIVIDE_ASSIGNMENT:
                throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree, "assignment inside an expression ("
                        + source.of(tree) + "); write the assignment or increment as a statement of its own");
            case ARRAY_ACCESS:
                return element((ArrayAccessTree) tree);
            case SWITCH_EXPRESSION:
                throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree, "switch expression inside an expression; a "
                        + "switch expression may be the whole value of a declaration, an assignment or a return: "
                        + "give this one a local variable of its own");
            case NEW_ARRAY:
                if (IntArrays.isIntAllocation((NewArrayTree) tree)) {
                    throw IntArrays.allocation(tree, source.of(tree));
                }
                throw new Rejection(Tag.UNSUPPORTED_ARRAY, tree, "array allocation inside an expression ("
                        + source.of(tree) + "); allocate arrays only as the initial value of a local array variable");
            default:
                if (tree instanceof BinaryTree binary) {
                    return binary(binary);
                }
                throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree, describe(tree) + " is not supported; "
                        + "use numeric literals, variables, array elements, + - * / %, comparisons, && || !, ?:, "
                        + "casts and calls");
        }
    }

    private String describe(Tree tree) {
        return tree.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " (" + source.of(tree) + ")";
    }

    private Expr literal(LiteralTree tree) {
        Type type = tree.getKind() == Tree.Kind.INT_LITERAL ? Type.INT
                : tree.getKind() == Tree.Kind.LONG_LITERAL ? Type.LONG
                : tree.getKind() == Tree.Kind.DOUBLE_LITERAL || tree.getKind() == Tree.Kind.FLOAT_LITERAL
                ? Type.DOUBLE : Type.BOOLEAN;
        return Literals.of(tree.getValue(), type);
    }

    private Expr identifier(IdentifierTree tree) {
        String name = tree.getName().toString();
        Optional<io.microautograd.processor.ir.Variable> variable = scope.lookup(name);
        if (variable.isPresent()) {
            return new Expr.Read(variable.get());
        }
        return symbols.ownerOf(name, ElementKind.FIELD).flatMap(owner -> symbols.constant(owner, name, tree))
                .orElseThrow(() -> new Rejection(Tag.UNKNOWN_NAME, tree, "unknown name " + name + "; a "
                + "differentiable method may read its parameters, its locals and static final constants"));
    }

    private Expr memberSelect(MemberSelectTree tree) {
        String field = tree.getIdentifier().toString();
        Optional<TypeElement> owner = symbols.resolveClass(tree.getExpression());
        if (owner.isPresent()) {
            return symbols.constant(owner.get(), field, tree).orElseThrow(() -> new Rejection(Tag.UNKNOWN_NAME,
                    tree, "no static final constant " + source.of(tree) + "; a differentiable method may read its "
                    + "parameters, its locals and static final constants"));
        }
        return arrayMember(tree);
    }

    private Expr arrayMember(MemberSelectTree tree) {
        Expr array = read(tree.getExpression());
        if (!array.type().hasElements() || !tree.getIdentifier().contentEquals("length")) {
            throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree, "member " + source.of(tree) + " is not supported; the only "
                    + "member a differentiable method may read is the length of an array");
        }
        return new Expr.Length(array);
    }

    private Expr element(ArrayAccessTree tree) {
        List<Expr> parts = rejections.each(List.of(tree.getExpression(), tree.getIndex()), this::read);
        Expr array = parts.get(0);
        Expr index = parts.get(1);
        if (!array.type().hasElements() || index.type() != Type.INT) {
            throw new Rejection(Tag.UNSUPPORTED_ARRAY, tree, "element access " + source.of(tree) + " needs a double[], "
                    + "double[][] or int[] and an int index");
        }
        return new Expr.Element(array, index);
    }

    /**
     * The initial value of a local array: an allocation, an initializer or a reference to an
     * array (a parameter, another local or a row of a matrix).
     */
    Expr arrayValue(Type type, ExpressionTree tree) {
        if (tree instanceof NewArrayTree newArray) {
            return newArray.getInitializers() != null ? arrayLiteral(type, newArray) : allocation(type, newArray);
        }
        Expr value = read(tree);
        if (value.type() != type || !(value instanceof Expr.Read || value instanceof Expr.Element)) {
            throw new Rejection(Tag.UNSUPPORTED_ARRAY, tree, "a " + type.javaName() + " local may start as a new "
                    + "array, an array initializer, or another " + type.javaName() + " variable or row; found "
                    + source.of(tree));
        }
        return value;
    }

    private Expr allocation(Type type, NewArrayTree tree) {
        int depth = type == Type.DOUBLE_MATRIX ? 2 : 1;
        Optional<Type> element = LocalTypes.of(tree.getType());
        int elementDepth = element.isEmpty() ? -1 : element.get() == Type.DOUBLE ? 0
                : element.get() == Type.DOUBLE_ARRAY ? 1 : -1;
        if (elementDepth < 0 || elementDepth + tree.getDimensions().size() != depth) {
            throw new Rejection(Tag.UNSUPPORTED_ARRAY, tree, "allocation " + source.of(tree) + " does not make a "
                    + type.javaName());
        }
        List<Expr> dimensions = rejections.each(tree.getDimensions(), dimension -> {
            Expr size = read(dimension);
            if (size.type() != Type.INT) {
                throw new Rejection(Tag.UNSUPPORTED_ARRAY, dimension, "array size " + source.of(dimension)
                        + " must be an int");
            }
            return size;
        });
        return new Expr.NewArray(type, List.copyOf(dimensions));
    }

    private Expr arrayLiteral(Type type, NewArrayTree tree) {
        List<Expr> elements = rejections.each(tree.getInitializers(), element -> {
            if (type != Type.DOUBLE_MATRIX) {
                return numeric(element);
            }
            if (!(element instanceof NewArrayTree row) || row.getInitializers() == null) {
                throw new Rejection(Tag.UNSUPPORTED_ARRAY, element, "row " + source.of(element) + " of a matrix "
                        + "initializer must be an initializer {...} itself; rows may not alias other arrays");
            }
            return arrayLiteral(Type.DOUBLE_ARRAY, row);
        });
        return new Expr.ArrayLiteral(type, List.copyOf(elements));
    }

    private Expr conditional(ConditionalExpressionTree tree) {
        List<Expr> parts = rejections.each(List.of(tree.getCondition(), tree.getTrueExpression(),
                tree.getFalseExpression()), part -> part == tree.getCondition() ? condition(part) : read(part));
        Expr condition = parts.get(0);
        Expr whenTrue = parts.get(1);
        Expr whenFalse = parts.get(2);
        if (whenTrue.type().hasElements()) {
            throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree, "?: choosing between arrays (" + source.of(tree) + "); "
                    + "choose between their elements instead, as in c ? x[i] : y[i]");
        }
        if (whenTrue.type().isNumeric() != whenFalse.type().isNumeric()
                || !whenTrue.type().isNumeric() && whenTrue.type() != whenFalse.type()) {
            throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree, "the branches of ?: have types "
                    + whenTrue.type().javaName() + " and " + whenFalse.type().javaName()
                    + "; give both branches numeric types or the same type");
        }
        return new Expr.Conditional(condition, whenTrue, whenFalse);
    }

    private Expr binary(BinaryTree tree) {
        BinaryOp op = Operators.binary(tree.getKind()).orElseThrow(() -> new Rejection(
                Tag.UNSUPPORTED_EXPRESSION, tree, "operator " + Operators.symbol(tree) + " is not supported; use "
                + "+ - * / %, comparisons and && || !"));
        List<ExpressionTree> operands = List.of(tree.getLeftOperand(), tree.getRightOperand());
        if (op.isLogical()) {
            List<Expr> tests = rejections.each(operands, this::condition);
            return new Expr.Binary(op, tests.get(0), tests.get(1));
        }
        List<Expr> sides = rejections.each(operands, this::read);
        Expr left = sides.get(0);
        Expr right = sides.get(1);
        boolean booleanEquality = (op == BinaryOp.EQ || op == BinaryOp.NE)
                && left.type() == Type.BOOLEAN && right.type() == Type.BOOLEAN;
        if (!booleanEquality && (!left.type().isNumeric() || !right.type().isNumeric())) {
            throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree, "operator " + op.symbol() + " on "
                    + left.type().javaName() + " and " + right.type().javaName() + "; it takes numbers");
        }
        if (op == BinaryOp.REM && Type.promote(left.type(), right.type()) == Type.DOUBLE) {
            throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree, "% on double values has no derivative rule; "
                    + "use % on int or long values only");
        }
        return FloatTyping.arithmetic(op, left, right);
    }

    private Expr cast(TypeCastTree tree) {
        Tree target = tree.getType();
        if (LocalTypes.isFloat(target)) {
            return new Expr.Unary(UnaryOp.TO_FLOAT, numeric(tree.getExpression()));
        }
        Type type = LocalTypes.of(target).orElse(null);
        if (type == null || !type.isNumeric()) {
            throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree, "cast to " + source.of(target)
                    + "; casts are supported to double, float, int and long");
        }
        return new Expr.Cast(type, numeric(tree.getExpression()));
    }

    private Expr invocation(MethodInvocationTree tree) {
        ExpressionTree select = tree.getMethodSelect();
        List<Expr> arguments = rejections.each(tree.getArguments(), this::read);
        if (select instanceof MemberSelectTree member) {
            String name = member.getIdentifier().toString();
            ExpressionTree receiver = member.getExpression();
            if (!namesAClass(receiver)) {
                throw new Rejection(Tag.UNSUPPORTED_CALL, tree, source.of(tree) + " calls the instance method " + name
                        + " of " + source.of(receiver) + "; a differentiable method may call only Math functions and "
                        + "static methods" + (name.equals("clone") ? ": to copy an array, allocate one of the same "
                        + "length with new and copy the elements in a loop" : ": pass the value in as a parameter "
                        + "instead"));
            }
            Optional<Symbols.NestedDerivative> nested = symbols.nestedDerivative(receiver, name,
                    arguments.stream().map(Expr::type).toList(), tree);
            if (nested.isPresent() && nested.get().isGradient()) {
                throw new Rejection(Tag.UNSUPPORTED_CALL, tree, "call of " + source.of(select) + ", a gradient adding"
                        + " into storage, as a value; call it as a statement, as in " + source.of(select) + "(x, "
                        + "gradient);, and read the partials from the storage");
            }
            if (nested.isPresent()) {
                return call(tree, nested.get().callee(), arguments);
            }
            TypeElement owner = symbols.resolveClass(receiver).orElseThrow(() -> new Rejection(Tag.UNSUPPORTED_CALL,
                    tree, "call of " + source.of(select) + ", but no class " + source.of(receiver) + " is visible "
                    + "here; a differentiable method may call Math functions and static methods, unqualified or "
                    + "through their class name"));
            return call(tree, owner, name, arguments);
        }
        String name = ((IdentifierTree) select).getName().toString();
        TypeElement owner = symbols.ownerOf(name, ElementKind.METHOD).orElseThrow(() -> new Rejection(
                Tag.UNSUPPORTED_CALL, tree, "no method " + name + " is visible here" + (MathFunction.find(name,
                arguments.size()).isPresent() ? "; for the Math function, write Math." + name + " or import static "
                + "java.lang.Math." + name : "; call a static method of this class, one imported with import "
                + "static, or one through its class name")));
        return call(tree, owner, name, arguments);
    }

    /**
     * A statement calling the gradient of a method of order 2 that adds into a local array, {@code
     * FGrad.f(parameters, gradient)}, as the partial each slot of the array gets; empty for any
     * other statement.
     *
     * @throws Rejection when the storage is not a local {@code double[]}: a parameter's array would
     *     be the caller's, which the method would change
     */
    Optional<NestedGradient> nestedGradient(ExpressionTree tree) {
        if (!(tree instanceof MethodInvocationTree invocation)
                || !(invocation.getMethodSelect() instanceof MemberSelectTree member)
                || !namesAClass(member.getExpression())) {
            return Optional.empty();
        }
        List<Expr> arguments = rejections.each(invocation.getArguments(), this::read);
        Optional<Symbols.NestedDerivative> nested = symbols.nestedDerivative(member.getExpression(),
                member.getIdentifier().toString(), arguments.stream().map(Expr::type).toList(), invocation);
        if (nested.isEmpty() || !nested.get().isGradient()) {
            return Optional.empty();
        }
        int count = nested.get().parameters();
        ExpressionTree storageTree = invocation.getArguments().get(count);
        if (!(arguments.get(count) instanceof Expr.Read storage) || storage.type() != Type.DOUBLE_ARRAY
                || storage.variable().role() != Variable.Role.LOCAL) {
            throw new Rejection(Tag.UNSUPPORTED_CALL, storageTree, "the gradient's storage "
                    + source.of(storageTree) + " is not a local double[]; a nested gradient adds into an array "
                    + "of the method's own, as in double[] gradient = new double[n], since the derivatives of the "
                    + "method do not follow writes into a parameter's array");
        }
        List<Expr.Call> partials = new ArrayList<>();
        for (int slot = 0; slot < nested.get().callee().differentiatedScalarCount(); slot++) {
            List<Expr> partialArguments = new ArrayList<>(arguments.subList(0, count));
            partialArguments.add(new Expr.Literal(Integer.toString(slot), Type.INT));
            partials.add((Expr.Call) call(invocation, nested.get().callee(), partialArguments));
        }
        Callee callee = nested.get().callee();
        List<String> slotNames = new ArrayList<>();
        for (int i = 0; i < callee.parameterNames().size(); i++) {
            if (callee.differentiated().get(i) && callee.parameterTypes().get(i) == Type.DOUBLE) {
                slotNames.add(callee.parameterNames().get(i));
            }
        }
        return Optional.of(new NestedGradient(List.copyOf(partials), storage.variable(), String.join(", ", slotNames)));
    }

    /**
     * A statement {@code FGrad.f(parameters, gradient)} read as the partials it adds.
     *
     * @param partials the call of each slot's partial, in slot order
     * @param storage the local array the partials are added into
     * @param slotNames the differentiated scalar parameters of {@code f}, one per slot, comma-separated
     */
    record NestedGradient(List<Expr.Call> partials, Variable storage, String slotNames) {
    }

    /**
     * Whether a call's receiver is a name that can only mean a class: a simple or dotted name
     * whose first part is no variable in scope (a variable hides a class of the same name, as in
     * Java) and not {@code this} or {@code super}.
     */
    private boolean namesAClass(ExpressionTree receiver) {
        if (receiver instanceof MemberSelectTree select) {
            return namesAClass(select.getExpression());
        }
        if (!(receiver instanceof IdentifierTree identifier)) {
            return false;
        }
        String name = identifier.getName().toString();
        return scope.lookup(name).isEmpty() && !name.equals("this") && !name.equals("super");
    }

    /** A call of a function of {@code Math} or, when {@code strict}, {@code StrictMath}. */
    private Expr mathCall(MethodInvocationTree tree, boolean strict, String name, List<Expr> arguments) {
        String owner = strict ? "StrictMath" : "Math";
        Predicate<MathFunction> available = f -> f != MathFunction.CLAMP || symbols.hasMathClamp();
        MathFunction function = MathFunction.find(name, arguments.size()).filter(available)
                .orElseThrow(() -> new Rejection(Tag.UNSUPPORTED_MATH, tree, owner + "." + name + " with "
                + arguments.size() + " arguments has no derivative rule; supported " + owner + " functions: "
                + MathFunction.supportedNames(available) + (name.equals("clamp") ? " (clamp from JDK 21 on)" : "")));
        for (int i = 0; i < arguments.size(); i++) {
            Type type = arguments.get(i).type();
            if (!function.argument(i).admits(type)) {
                throw new Rejection(Tag.UNSUPPORTED_EXPRESSION, tree.getArguments().get(i), owner + "." + name
                        + " takes " + function.argument(i).described() + " as argument " + (i + 1) + ", not the "
                        + type.javaName() + " " + source.of(tree.getArguments().get(i)));
            }
        }
        return new Expr.MathCall(function, List.copyOf(arguments), strict);
    }

    private Expr call(MethodInvocationTree tree, TypeElement owner, String name, List<Expr> arguments) {
        String qualified = owner.getQualifiedName().toString();
        if ((qualified.equals("java.lang.Math") || qualified.equals("java.lang.StrictMath"))
                && !symbols.mayReplaceMath(owner, name)) {
            return mathCall(tree, qualified.equals("java.lang.StrictMath"), name, arguments);
        }
        return call(tree, symbols.callee(owner, name, arguments.stream().map(Expr::type).toList(), tree), arguments);
    }

    /** A call of {@code callee}, whose parameters each argument must fit. */
    private Expr call(MethodInvocationTree tree, Callee callee, List<Expr> arguments) {
        String name = callee.name();
        for (int i = 0; i < arguments.size(); i++) {
            Type parameter = callee.parameterTypes().get(i);
            Expr argument = arguments.get(i);
            boolean fits = parameter.hasElements() ? argument.type() == parameter
                    && (argument instanceof Expr.Read || argument instanceof Expr.Element)
                    : argument.type().isNumeric() && parameter.isNumeric()
                            && Type.promote(parameter, argument.type()) == parameter
                            || argument.type() == parameter;
            if (!fits) {
                throw new Rejection(Tag.UNSUPPORTED_CALL, tree.getArguments().get(i), "argument " + (i + 1) + " of "
                        + name + " is a " + argument.type().javaName() + " expression; pass a value of its parameter "
                        + "type " + parameter.javaName() + (parameter.isArray() ? ", a variable or a row"
                        : parameter == Type.INT_ARRAY ? ", a parameter" : ""));
            }
        }
        Expr.Call call = new Expr.Call(callee, List.copyOf(arguments));
        callSites.put(call, tree);
        return call;
    }
}
