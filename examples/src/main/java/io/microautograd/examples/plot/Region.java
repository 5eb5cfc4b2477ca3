package io.microautograd.examples.plot;

/**
 * A rectangle of the plane that a picture shows.
 *
 * @param xMin the left edge
 * @param xMax the right edge, greater than {@code xMin}
 * @param yMin the bottom edge
 * @param yMax the top edge, greater than {@code yMin}
 */
public record Region(double xMin, double xMax, double yMin, double yMax) {

    /** Checks that the rectangle is finite and not empty. */
    public Region {
        if (!(xMin < xMax) || Double.isInfinite(xMin) || Double.isInfinite(xMax)) {
            throw new IllegalArgumentException("need finite xMin < xMax, got " + xMin + " and " + xMax);
        }
        if (!(yMin < yMax) || Double.isInfinite(yMin) || Double.isInfinite(yMax)) {
            throw new IllegalArgumentException("need finite yMin < yMax, got " + yMin + " and " + yMax);
        }
    }

    /**
     * The smallest region holding every point of {@code points} (rows of x, y), widened by
     * {@code margin} on each side.
     */
    public static Region around(double[][] points, double margin) {
        if (points.length == 0) {
            throw new IllegalArgumentException("points must hold at least one point, got none");
        }
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (double[] point : points) {
            xMin = Math.min(xMin, point[0]);
            xMax = Math.max(xMax, point[0]);
            yMin = Math.min(yMin, point[1]);
            yMax = Math.max(yMax, point[1]);
        }
        return new Region(xMin - margin, xMax + margin, yMin - margin, yMax + margin);
    }

    /** The x of column {@code i} of {@code cells} equal columns, at the column's centre. */
    double columnCentre(int i, int cells) {
        return xMin + (xMax - xMin) * (i + 0.5) / cells;
    }

    /** The y of row {@code j} of {@code cells} equal rows, at the row's centre. */
    double rowCentre(int j, int cells) {
        return yMin + (yMax - yMin) * (j + 0.5) / cells;
    }
}
