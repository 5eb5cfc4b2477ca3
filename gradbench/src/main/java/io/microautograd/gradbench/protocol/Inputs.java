package io.microautograd.gradbench.protocol;

import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of an {@code evaluate} message's {@code input}, or fails with an
 * {@link IllegalArgumentException} that names the field at fault and what it should be. Fields
 * that no function reads (such as {@code min_runs} for the function itself) are ignored.
 */
public final class Inputs {

    private Inputs() {
    }

    /** The number {@code node}, called {@code name} in messages. */
    public static double number(String name, JsonNode node) {
        if (!node.isNumber()) {
            throw new IllegalArgumentException(name + " must be a number but is " + describe(node));
        }
        return node.doubleValue();
    }

    /** The number in field {@code name} of {@code input}. */
    public static double number(JsonNode input, String name) {
        return number(name, field(input, name));
    }

    /** The integer in field {@code name} of {@code input}. */
    public static int integer(JsonNode input, String name) {
        return integer(name, field(input, name));
    }

    /** The integer {@code node}, called {@code name} in messages. */
    public static int integer(String name, JsonNode node) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new IllegalArgumentException(name + " must be an integer but is " + describe(node));
        }
        return node.intValue();
    }

    /** The array of numbers in field {@code name} of {@code input}. */
    public static double[] vector(JsonNode input, String name) {
        return vector(name, field(input, name));
    }

    /** The array of arrays of numbers in field {@code name} of {@code input}. */
    public static double[][] matrix(JsonNode input, String name) {
        return matrix(name, field(input, name));
    }

    /** The array of matrices (arrays of arrays of numbers) in field {@code name} of {@code input}. */
    public static double[][][] matrices(JsonNode input, String name) {
        JsonNode elements = array(name, field(input, name));
        double[][][] matrices = new double[elements.size()][][];
        for (int i = 0; i < matrices.length; i++) {
            matrices[i] = matrix(name + "[" + i + "]", elements.get(i));
        }
        return matrices;
    }

    /** The array of integers in field {@code name} of {@code input}. */
    public static int[] integers(JsonNode input, String name) {
        return integers(name, field(input, name));
    }

    /** The array of arrays of integers in field {@code name} of {@code input}. */
    public static int[][] integerRows(JsonNode input, String name) {
        JsonNode rows = array(name, field(input, name));
        int[][] integers = new int[rows.size()][];
        for (int i = 0; i < integers.length; i++) {
            integers[i] = integers(name + "[" + i + "]", rows.get(i));
        }
        return integers;
    }

    /** The boolean in field {@code name} of {@code input}. */
    public static boolean flag(JsonNode input, String name) {
        JsonNode value = field(input, name);
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(name + " must be true or false but is " + describe(value));
        }
        return value.booleanValue();
    }

    /** The object in field {@code name} of {@code input}, whose fields the other methods read. */
    public static JsonNode object(JsonNode input, String name) {
        JsonNode value = field(input, name);
        if (!value.isObject()) {
            throw new IllegalArgumentException(name + " must be a JSON object but is " + describe(value));
        }
        return value;
    }

    /**
     * Checks that {@code matrix}, called {@code name} in messages, has {@code rows} rows of
     * {@code columns} numbers each.
     */
    public static void requireShape(String name, double[][] matrix, int rows, int columns) {
        if (matrix.length != rows) {
            throw new IllegalArgumentException(name + " must have " + rows + " rows but has " + matrix.length);
        }
        for (int i = 0; i < rows; i++) {
            if (matrix[i].length != columns) {
                throw new IllegalArgumentException(name + "[" + i + "] must have " + columns
                        + " numbers but has " + matrix[i].length);
            }
        }
    }

    private static JsonNode field(JsonNode input, String name) {
        if (!input.isObject()) {
            throw new IllegalArgumentException("the input must be a JSON object but is " + describe(input));
        }
        JsonNode value = input.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("the input has no field \"" + name + "\"");
        }
        return value;
    }

    private static double[] vector(String name, JsonNode node) {
        JsonNode elements = array(name, node);
        double[] vector = new double[elements.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = number(name + "[" + i + "]", elements.get(i));
        }
        return vector;
    }

    private static double[][] matrix(String name, JsonNode node) {
        JsonNode rows = array(name, node);
        double[][] matrix = new double[rows.size()][];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = vector(name + "[" + i + "]", rows.get(i));
        }
        return matrix;
    }

    private static int[] integers(String name, JsonNode node) {
        JsonNode elements = array(name, node);
        int[] integers = new int[elements.size()];
        for (int i = 0; i < integers.length; i++) {
            integers[i] = integer(name + "[" + i + "]", elements.get(i));
        }
        return integers;
    }

    private static JsonNode array(String name, JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException(name + " must be an array but is " + describe(node));
        }
        return node;
    }

    /** The node as JSON, cut short: an input can be megabytes. */
    private static String describe(JsonNode node) {
        String text = node.isMissingNode() ? "missing" : node.toString();
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
