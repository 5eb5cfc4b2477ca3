package io.microautograd.examples.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A classifier's confusion matrix as a table of shaded cells: one row per true class, one column
 * per predicted class, each cell holding its count and shaded by the share of its row it takes,
 * so that a good classifier shows a dark diagonal on white. XChart has no such chart; it is
 * drawn with Java2D.
 */
public final class ConfusionMatrixPlot {

    private static final int MARGIN = 90;

    private ConfusionMatrixPlot() {
    }

    /**
     * The picture of {@code counts[label][predicted]}, its classes named 0, 1, ... on both axes.
     *
     * @throws IllegalArgumentException if counts is not square or has no class
     */
    public static BufferedImage of(String title, int[][] counts) {
        int classes = counts.length;
        for (int[] row : counts) {
            if (row.length != classes) {
                throw new IllegalArgumentException("a confusion matrix is square, got a row of " + row.length
                        + " counts among " + classes);
            }
        }
        if (classes == 0) {
            throw new IllegalArgumentException("a confusion matrix needs at least one class, got none");
        }
        BufferedImage image = new BufferedImage(Charts.WIDTH, Charts.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        int cell = Math.min(Charts.WIDTH - 2 * MARGIN, Charts.HEIGHT - 2 * MARGIN) / classes;
        int left = (Charts.WIDTH - cell * classes) / 2;
        int top = MARGIN;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        Charts.centreText(g, title, Charts.WIDTH / 2, top / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        Charts.centreText(g, "predicted class", left + cell * classes / 2, top + cell * classes + 45);
        Charts.centreText(g, "true", left - 55, top + cell * classes / 2 - 9);
        Charts.centreText(g, "class", left - 55, top + cell * classes / 2 + 9);
        for (int label = 0; label < classes; label++) {
            int rowTotal = 0;
            for (int count : counts[label]) {
                rowTotal += count;
            }
            g.setColor(Color.BLACK);
            Charts.centreText(g, Integer.toString(label), left - 15, top + label * cell + cell / 2);
            Charts.centreText(g, Integer.toString(label), left + label * cell + cell / 2, top + classes * cell + 15);
            for (int predicted = 0; predicted < classes; predicted++) {
                int count = counts[label][predicted];
                double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
                g.setColor(shade(share));
                g.fillRect(left + predicted * cell, top + label * cell, cell, cell);
                g.setColor(Color.LIGHT_GRAY);
                g.drawRect(left + predicted * cell, top + label * cell, cell, cell);
                if (count > 0) {
                    g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                    Charts.centreText(g, Integer.toString(count), left + predicted * cell + cell / 2, top + label * cell + cell / 2);
                }
            }
        }
        g.dispose();
        return image;
    }

    /** White at 0 to a deep blue at 1. */
    private static Color shade(double share) {
        return new Color((int) Math.round(255 - 225 * share), (int) Math.round(255 - 175 * share),
                (int) Math.round(255 - 95 * share));
    }
}
