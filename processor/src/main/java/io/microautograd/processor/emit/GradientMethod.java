package io.microautograd.processor.emit;

import io.microautograd.processor.diff.HessianVector;
import io.microautograd.processor.diff.Pullback;
import io.microautograd.processor.diff.Tangent;
import io.microautograd.processor.ir.MethodFacts;
import io.microautograd.processor.ir.Variable;
import java.util.List;

/**
 * One differentiated method to write.
 *
 * @param pullback its reverse-mode derivative
 * @param tangent its forward-mode derivative
 * @param hessianVector its forward-over-reverse derivative, for a method of order 2; else null
 * @param vectorJacobian its vector-Jacobian product, for a method with outputs; else null
 * @param jacobianVector its Jacobian-vector product, for a method with outputs; else null
 * @param sourceVariables the parameters and locals of the source method, whose names come first
 * @param facts what callers compiled in another javac run need to know, recorded on the pullback
 */
public record GradientMethod(Pullback pullback, Tangent tangent, HessianVector hessianVector,
        Pullback vectorJacobian, Tangent jacobianVector, List<Variable> sourceVariables, MethodFacts facts) {
}
