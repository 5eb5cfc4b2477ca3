package io.microautograd.train;

/** Why a minimization ended, as its {@link OptimizationPath#stopReason()} records. */
public enum StopReason {

    /** {@link Minimizer} took the number of steps it was given; it has no other way to end. */
    STEPS_TAKEN,

    /** The gradient's Euclidean norm fell to the tolerance: the run converged. */
    GRADIENT_TOLERANCE,

    /** The iteration limit came before the gradient tolerance; more iterations may reach it. */
    ITERATION_LIMIT,

    /**
     * No step could lower the objective any more: L-BFGS's line search found no point that
     * satisfies the Wolfe conditions, from its own direction and again from steepest descent, or
     * Newton-CG's trust region shrank to the rounding of the point. Usually the gradient
     * tolerance asks for more than the rounding of the objective's value lets the gradient reach
     * (ask for less), or the gradient is not the objective's (check it with
     * {@link io.microautograd.gradcheck.GradientCheck}).
     */
    NO_PROGRESS
}
