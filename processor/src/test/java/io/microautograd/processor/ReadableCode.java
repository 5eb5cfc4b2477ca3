package io.microautograd.processor;

import com.google.testing.compile.Compilation;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * The marks of code no person would write, found in generated sources: a negation of a negation
 * ({@code -(-}), two identical statements one after the other, and a local that is computed (or
 * popped off a tape) and then never read. The generated sources are compiled again, without the
 * processor, so that every name is resolved to the variable it means, whatever the scopes.
 *
 * <p>One unread local is not a mark: in a tangent method, a local assigned a value that reads an
 * array element. The tangent method leaves out the values only the source's result needed, but an
 * element read may throw, Java must still evaluate it, and Java has no statement that only reads an
 * element; reverse code is held to the full rule.
 */
final class ReadableCode {

    private ReadableCode() {
    }

    /** Every mark found in the sources the compilation generated, one line each, naming the file and line. */
    static List<String> defects(Compilation compilation) {
        List<JavaFileObject> sources = new ArrayList<>(compilation.sourceFiles());
        sources.addAll(compilation.generatedSourceFiles());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        JavacTask task = (JavacTask) javac.getTask(null, null, null,
                List.of("-proc:none", "-classpath", System.getProperty("java.class.path")), null, sources);
        List<String> defects = new ArrayList<>();
        try {
            Iterable<? extends CompilationUnitTree> units = task.parse();
            task.analyze();
            Trees trees = Trees.instance(task);
            for (CompilationUnitTree unit : units) {
                if (compilation.generatedSourceFiles().stream().anyMatch(f -> f.toUri().equals(
                        unit.getSourceFile().toUri()))) {
                    new Scan(unit, trees, defects).scan(unit, null);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return defects;
    }

    /** Finds the marks in one generated file. */
    private static final class Scan extends TreePathScanner<Void, Void> {

        private final CompilationUnitTree unit;
        private final Trees trees;
        private final List<String> defects;
        private final Map<Element, Tree> locals = new LinkedHashMap<>();
        private final List<Element> read = new ArrayList<>();
        private final Set<Element> evaluateElementsInTangents = new HashSet<>();

        Scan(CompilationUnitTree unit, Trees trees, List<String> defects) {
            this.unit = unit;
            this.trees = trees;
            this.defects = defects;
        }

        @Override
        public Void scan(Tree tree, Void unused) {
            if (tree instanceof CompilationUnitTree) {
                super.scan(tree, unused);
                String text = unit.getSourceFile().getName();
                String source;
                try {
                    source = unit.getSourceFile().getCharContent(true).toString();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                String code = withoutComments(source);
                for (int at = code.indexOf("-(-"); at >= 0; at = code.indexOf("-(-", at + 1)) {
                    defects.add(text + ":" + unit.getLineMap().getLineNumber(at) + ": a negation of a negation");
                }
                locals.forEach((local, declaration) -> {
                    if (!read.contains(local) && !evaluateElementsInTangents.contains(local)) {
                        defects.add(at(declaration) + ": the local " + local + " is never read");
                    }
                });
                return null;
            }
            return super.scan(tree, unused);
        }

        @Override
        public Void visitBlock(BlockTree block, Void unused) {
            List<? extends StatementTree> statements = block.getStatements();
            for (int i = 1; i < statements.size(); i++) {
                if (statements.get(i).toString().equals(statements.get(i - 1).toString())) {
                    defects.add(at(statements.get(i)) + ": the same statement twice: " + statements.get(i));
                }
            }
            return super.visitBlock(block, unused);
        }

        @Override
        public Void visitVariable(VariableTree variable, Void unused) {
            Element element = trees.getElement(getCurrentPath());
            if (element != null && element.getKind() == ElementKind.LOCAL_VARIABLE) {
                locals.put(element, variable);
            }
            return super.visitVariable(variable, unused);
        }

        @Override
        public Void visitIdentifier(IdentifierTree identifier, Void unused) {
            Tree parent = getCurrentPath().getParentPath().getLeaf();
            boolean updated = parent instanceof AssignmentTree a && a.getVariable() == identifier
                    || parent instanceof CompoundAssignmentTree c && c.getVariable() == identifier
                    || parent instanceof UnaryTree u && u.getExpression() == identifier && isIncrement(u)
                    && getCurrentPath().getParentPath().getParentPath().getLeaf() instanceof ExpressionStatementTree;
            if (!updated) {
                read.add(trees.getElement(getCurrentPath()));
            }
            return super.visitIdentifier(identifier, unused);
        }

        @Override
        public Void visitArrayAccess(ArrayAccessTree access, Void unused) {
            Element assigned = null;
            for (TreePath p = getCurrentPath(); p != null; p = p.getParentPath()) {
                Tree leaf = p.getLeaf();
                if (assigned == null && leaf instanceof VariableTree) {
                    assigned = trees.getElement(p);
                } else if (assigned == null && leaf instanceof AssignmentTree a) {
                    assigned = trees.getElement(new TreePath(p, a.getVariable()));
                } else if (assigned == null && leaf instanceof CompoundAssignmentTree c) {
                    assigned = trees.getElement(new TreePath(p, c.getVariable()));
                } else if (leaf instanceof MethodTree m) {
                    if (assigned != null && m.getName().toString().endsWith("Tangent")) {
                        evaluateElementsInTangents.add(assigned);
                    }
                    break;
                }
            }
            return super.visitArrayAccess(access, unused);
        }

        /** The source with each comment's characters blanked, so positions and lines stay. */
        private static String withoutComments(String source) {
            StringBuilder code = new StringBuilder(source);
            Matcher comments = Pattern.compile("//[^\n]*|/\\*.*?\\*/", Pattern.DOTALL).matcher(source);
            while (comments.find()) {
                for (int i = comments.start(); i < comments.end(); i++) {
                    if (code.charAt(i) != '\n') {
                        code.setCharAt(i, ' ');
                    }
                }
            }
            return code.toString();
        }

        private static boolean isIncrement(UnaryTree u) {
            return switch (u.getKind()) {
                case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> true;
                default -> false;
            };
        }

        private String at(Tree tree) {
            SourcePositions positions = trees.getSourcePositions();
            LineMap lines = unit.getLineMap();
            return unit.getSourceFile().getName() + ":" + lines.getLineNumber(positions.getStartPosition(unit, tree));
        }
    }
}
