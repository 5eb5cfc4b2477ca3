package io.microautograd.gradcheck;

/**
 * A gradient disagreed with its finite differences, or broke the {@code Objective} contract;
 * thrown by {@link GradientCheck#assertGradient}. An {@link AssertionError}, so that test
 * frameworks report it as a failed assertion; its message is the full report.
 */
public final class GradientMismatchError extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final transient GradientCheckReport report;

    GradientMismatchError(GradientCheckReport report) {
        super(report.toString());
        this.report = report;
    }

    /** The report of the failed check. */
    public GradientCheckReport report() {
        return report;
    }
}
