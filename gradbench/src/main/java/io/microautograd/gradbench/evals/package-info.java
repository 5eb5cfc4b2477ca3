/**
 * The evals, each as ordinary {@code @Differentiable} Java (the maths: {@code Gmm}, {@code Lse},
 * {@code Llsq}, {@code Ode}, {@code Det}, {@code Kmeans}, {@code Ba}, {@code Ht}, {@code Saddle},
 * {@code Particle}, {@code Hello}) and a module that reads the eval's input and calls the method
 * or its generated gradient ({@code GmmEval} and so on). No derivative is written by hand: the
 * gradients, kmeans' Hessian-vector product and saddle's and particle's nested derivatives are
 * the generated {@code *Grad} classes, ba's Jacobian blocks the generated {@code fJacobian} of a
 * method with {@code outputs}, and ht's Jacobian columns its generated {@code fJvp}.
 *
 * <p>Where the supported subset forced a spelling a person would not choose:
 * <ul>
 *   <li>{@code Ode}: the four Runge-Kutta slopes are written out as four loops, because a call of
 *       a {@code @Differentiable} method must be used as a value (no {@code void} helper that
 *       fills an array).</li>
 *   <li>{@code Gmm}: arrays a method writes are taped at every write, increments included, so
 *       computing Q(x - mu) into an array, as the C++ does, would tape d(d+1)/2 values per point
 *       and component (1.7 GB at d = 64, k = 100). The method builds each component's Q once as
 *       a d x d matrix and sums each row of Q(x - mu) into a local, so it tapes d values per
 *       point and component.</li>
 *   <li>{@code Det}: a method can neither recurse nor keep {@code int[]} locals, so the
 *       expansion by minors walks the permutations in lexicographic order and keeps their
 *       columns packed in a {@code long} ({@code Permutations}), four bits a row, which limits
 *       the edge to 16 (16! terms would take days anyway).</li>
 *   <li>{@code Kmeans}: reads {@code centroids[j][l]} rather than through a local row, because a
 *       row local assigned in a loop is taped at each assignment: four rows (the row, its
 *       tangent, their adjoints) per point and centroid in the Hessian-vector product, 40 million
 *       at the eval's largest size.</li>
 *   <li>{@code Saddle}: {@link GradientDescent}'s loop is written out again inside {@code
 *       innerMax}, since a {@code @Differentiable} method takes no function to minimize; one
 *       {@code boolean} chooses the inner gradient's mode, so the loop is written once (as in
 *       {@code Particle.flight}).</li>
 *   <li>{@code Saddle}, {@code Particle}: the inner gradient by reverse mode, {@code
 *       FGrad.f(parameters, gradient)}, takes one reverse sweep per slot of the gradient (see the
 *       README's nested derivatives), and slots the method does not read are computed too.</li>
 *   <li>{@code Ba} and {@code Ht} return the squared norm of their residuals, since a
 *       {@code @Differentiable} method returns a double even where its outputs are the result.</li>
 *   <li>{@code Ht}: a method cannot allocate arrays in a loop or fill them in a helper, so the
 *       bones' 4 x 4 matrices are rows of 16 in matrices allocated once, and their products are
 *       written out as loops.</li>
 * </ul>
 */
package io.microautograd.gradbench.evals;
