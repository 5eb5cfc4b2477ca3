package io.microautograd.processor.emit;

import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The signatures of the methods the generated class declares for a source method {@code f}:
 * {@code f(parameters)} for the value and gradient, {@code f(parameters, storage...)} adding
 * into storage, {@code fPullback(parameters, double, storage...)} and {@code fTangent(parameters,
 * tangents...)}, and for methods of order 2 {@code fHvp(parameters, directions..., storage...,
 * products...)}, {@code fPullbackTangent(parameters, double, storage..., tangents...)} and
 * {@code fHessian(parameters)}, the derivatives {@code fTangentPullback} and {@code
 * fTangentTangent} of {@code fTangent}, and {@code fPartial}, {@code fPartialPullback} and {@code
 * fPartialTangent} for nested gradients; for methods with outputs {@code fVjp(parameters, double,
 * output adjoints..., storage...)}, {@code fJvp(parameters, tangents..., output tangents...)} and
 * {@code fJacobian(parameters, double[][])}. Overloaded source methods get generated methods of
 * their own name as long as these signatures differ; where two would be one, the second source
 * method cannot be generated.
 */
public final class GeneratedSignatures {

    /**
     * Two source methods whose generated methods would have one signature.
     *
     * @param signature the colliding signature, as {@code energy(double, double[])}
     * @param earlierForm which generated method of the earlier source method has it
     * @param laterForm which generated method of the later source method has it
     */
    public record Clash(String signature, String earlierForm, String laterForm) {
    }

    private GeneratedSignatures() {
    }

    /** The first collision between the generated methods of two source methods, if any. */
    public static Optional<Clash> between(Function earlier, Function later) {
        // Every generated name is the source name and a suffix, so two names of which neither starts
        // the other cannot meet; a class's methods are compared pairwise, so this spares most pairs.
        if (!earlier.name().startsWith(later.name()) && !later.name().startsWith(earlier.name())) {
            return Optional.empty();
        }
        Map<String, String> earlierForms = of(earlier);
        for (Map.Entry<String, String> method : of(later).entrySet()) {
            String earlierForm = earlierForms.get(method.getKey());
            if (earlierForm != null) {
                return Optional.of(new Clash(method.getKey(), earlierForm, method.getValue()));
            }
        }
        return Optional.empty();
    }

    /** The signatures of {@code f}'s generated methods, each with what it is. */
    private static Map<String, String> of(Function f) {
        List<Type> parameters = f.parameters().stream().map(Variable::type).toList();
        List<Type> storage = f.adjointStorageTypes();
        List<Type> accumulating = new ArrayList<>(parameters);
        accumulating.addAll(storage);
        List<Type> pullback = new ArrayList<>(parameters);
        pullback.add(Type.DOUBLE);
        pullback.addAll(storage);
        Map<String, String> signatures = new LinkedHashMap<>();
        signatures.put(written(f.name(), parameters), "the value-and-gradient method");
        signatures.put(written(f.name(), accumulating), "the method adding into storage");
        signatures.put(written(f.name() + "Pullback", pullback), "the pullback");
        List<Type> tangent = new ArrayList<>(parameters);
        f.parameters().stream().filter(f.differentiated()::contains).map(Variable::type).forEach(tangent::add);
        signatures.put(written(f.name() + "Tangent", tangent), "the tangent method");
        if (f.order() == 2) {
            List<Type> directions = tangent.subList(parameters.size(), tangent.size());
            List<Type> hessianVector = new ArrayList<>(tangent);
            hessianVector.addAll(storage);
            hessianVector.addAll(storage);
            signatures.put(written(f.name() + "Hvp", hessianVector), "the Hessian-vector product");
            List<Type> pullbackTangent = new ArrayList<>(pullback);
            pullbackTangent.addAll(directions);
            pullbackTangent.add(Type.DOUBLE);
            pullbackTangent.addAll(storage);
            signatures.put(written(f.name() + "PullbackTangent", pullbackTangent), "the pullback's tangent");
            signatures.put(written(f.name() + "Hessian", parameters), "the Hessian");
            List<Type> tangentPullback = new ArrayList<>(tangent);
            tangentPullback.add(Type.DOUBLE);
            tangentPullback.addAll(storage);
            directions.stream().filter(Type::isArray).forEach(tangentPullback::add);
            signatures.put(written(f.name() + "TangentPullback", tangentPullback), "the tangent's pullback");
            List<Type> tangentTangent = new ArrayList<>(tangent);
            tangentTangent.addAll(directions);
            tangentTangent.addAll(directions);
            signatures.put(written(f.name() + "TangentTangent", tangentTangent), "the tangent's tangent");
            List<Type> partial = new ArrayList<>(parameters);
            partial.add(Type.INT);
            signatures.put(written(f.name() + "Partial", partial), "the partial");
            List<Type> partialPullback = new ArrayList<>(partial);
            partialPullback.add(Type.DOUBLE);
            partialPullback.addAll(storage);
            signatures.put(written(f.name() + "PartialPullback", partialPullback), "the partial's pullback");
            List<Type> partialTangent = new ArrayList<>(partial);
            partialTangent.addAll(directions);
            signatures.put(written(f.name() + "PartialTangent", partialTangent), "the partial's tangent");
        }
        if (!f.outputs().isEmpty()) {
            List<Type> product = new ArrayList<>(parameters);
            product.add(Type.DOUBLE);
            f.outputs().forEach(o -> product.add(o.type()));
            product.addAll(storage);
            signatures.put(written(f.name() + "Vjp", product), "the vector-Jacobian product");
            List<Type> tangentOutputs = new ArrayList<>(tangent);
            f.outputs().forEach(o -> tangentOutputs.add(o.type()));
            signatures.put(written(f.name() + "Jvp", tangentOutputs), "the Jacobian-vector product");
            List<Type> jacobian = new ArrayList<>(parameters);
            jacobian.add(Type.DOUBLE_MATRIX);
            signatures.put(written(f.name() + "Jacobian", jacobian), "the Jacobian");
        }
        return signatures;
    }

    private static String written(String name, List<Type> types) {
        return name + types.stream().map(Type::javaName).collect(Collectors.joining(", ", "(", ")"));
    }
}
