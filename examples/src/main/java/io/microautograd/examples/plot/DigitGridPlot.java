package io.microautograd.examples.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Small square grey-scale images in a grid, each with a caption above it: for example the digits
 * a classifier gets wrong, captioned with the true and the predicted class. Drawn with Java2D,
 * each image pixel a block of screen pixels, dark on white as ink on paper.
 */
public final class DigitGridPlot {

    private static final int COLUMNS = 8;
    private static final int CAPTION = 22;
    private static final int GAP = 12;

    private DigitGridPlot() {
    }

    /**
     * One captioned image.
     *
     * @param pixels the image's intensities in [0, 1], row by row from the top left, a square number of them
     * @param caption the text above the image
     */
    public record Tile(double[] pixels, String caption) {
    }

    /**
     * The picture of the first tiles that fit a screen (at most 40, in rows of 8), or of a note
     * when there are none.
     *
     * @throws IllegalArgumentException if a tile's pixels are not a square number
     */
    public static BufferedImage of(String title, List<Tile> tiles) {
        BufferedImage image = new BufferedImage(Charts.WIDTH, Charts.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        Charts.centreText(g, title, Charts.WIDTH / 2, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        int size = (Charts.WIDTH - GAP * (COLUMNS + 1)) / COLUMNS;
        int rows = (Charts.HEIGHT - 60) / (size + CAPTION + GAP);
        if (tiles.isEmpty()) {
            Charts.centreText(g, "none", Charts.WIDTH / 2, Charts.HEIGHT / 2);
        }
        for (int t = 0; t < Math.min(tiles.size(), rows * COLUMNS); t++) {
            Tile tile = tiles.get(t);
            int side = (int) Math.round(Math.sqrt(tile.pixels().length));
            if (side * side != tile.pixels().length || side == 0) {
                throw new IllegalArgumentException("tile " + t + " needs a square number of pixels, got "
                        + tile.pixels().length);
            }
            int block = size / side;
            int x = GAP + (t % COLUMNS) * (size + GAP);
            int y = 60 + (t / COLUMNS) * (size + CAPTION + GAP);
            g.setColor(Color.BLACK);
            Charts.centreText(g, tile.caption(), x + block * side / 2, y + CAPTION / 2);
            for (int p = 0; p < tile.pixels().length; p++) {
                int grey = (int) Math.round(255 * (1 - Math.min(1, Math.max(0, tile.pixels()[p]))));
                g.setColor(new Color(grey, grey, grey));
                g.fillRect(x + (p % side) * block, y + CAPTION + (p / side) * block, block, block);
            }
            g.setColor(Color.LIGHT_GRAY);
            g.drawRect(x, y + CAPTION, block * side, block * side);
        }
        g.dispose();
        return image;
    }
}
