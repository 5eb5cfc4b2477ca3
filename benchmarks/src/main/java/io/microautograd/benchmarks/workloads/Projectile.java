package io.microautograd.benchmarks.workloads;

import io.microautograd.Differentiable;

/**
 * A projectile with quadratic drag, integrated by explicit Euler steps: the long simulation of
 * issue 25, whose taped gradient records 4 doubles per step. The same body twice, so that one
 * class holds its checkpointed gradient and its taped one.
 */
public final class Projectile {

    private Projectile() {
    }

    /** x + y after {@code steps} steps over 10 s, launched at {@code v0} and {@code angle} (radians). */
    @Differentiable(wrt = {"v0", "angle", "drag"}, checkpoints = 64)
    public static double range(double v0, double angle, double drag, int steps) {
        double dt = 10.0 / steps;
        double x = 0;
        double y = 0;
        double vx = v0 * Math.cos(angle);
        double vy = v0 * Math.sin(angle);
        for (int i = 0; i < steps; i++) {
            double speed = Math.sqrt(vx * vx + vy * vy);
            double ax = -drag * speed * vx;
            double ay = -9.81 - drag * speed * vy;
            x += dt * vx;
            y += dt * vy;
            vx += dt * ax;
            vy += dt * ay;
        }
        return x + y;
    }

    /** {@link #range}, taped: its gradient records every step. */
    @Differentiable(wrt = {"v0", "angle", "drag"}, checkpoints = 0)
    public static double rangeTaped(double v0, double angle, double drag, int steps) {
        double dt = 10.0 / steps;
        double x = 0;
        double y = 0;
        double vx = v0 * Math.cos(angle);
        double vy = v0 * Math.sin(angle);
        for (int i = 0; i < steps; i++) {
            double speed = Math.sqrt(vx * vx + vy * vy);
            double ax = -drag * speed * vx;
            double ay = -9.81 - drag * speed * vy;
            x += dt * vx;
            y += dt * vy;
            vx += dt * ax;
            vy += dt * ay;
        }
        return x + y;
    }
}
