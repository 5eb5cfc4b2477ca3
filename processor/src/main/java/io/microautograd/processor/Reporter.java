package io.microautograd.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import io.microautograd.processor.parse.InvalidRule;
import io.microautograd.processor.parse.Rejection;
import io.microautograd.processor.parse.Tag;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** The one place diagnostics are reported: at the exact tree when there is one, else at the element. */
final class Reporter {

    private final Trees trees;
    private final Messager messager;

    Reporter(Trees trees, Messager messager) {
        this.trees = trees;
        this.messager = messager;
    }

    /** Reports a rejected construct at its tree. */
    void reject(Rejection rejection, Element method, CompilationUnitTree unit) {
        if (rejection.tree() != null && unit != null) {
            trees.printMessage(Diagnostic.Kind.ERROR, rejection.getMessage(), rejection.tree(), unit);
        } else {
            messager.printMessage(Diagnostic.Kind.ERROR, rejection.getMessage(), method);
        }
    }

    /** Reports a note of the given tag at a tree of the method: what the processor did, which compiles. */
    void note(Tag tag, String message, Tree tree, CompilationUnitTree unit) {
        trees.printMessage(Diagnostic.Kind.NOTE, tag.prefix() + message, tree, unit);
    }

    /** Reports an error of the given tag at a tree of the method. */
    void error(Tag tag, String message, Tree tree, Element method, CompilationUnitTree unit) {
        reject(new Rejection(tag, tree, message), method, unit);
    }

    /** Reports a rule that cannot be used at its annotation value at fault, or at its annotation. */
    void invalidRule(InvalidRule rule) {
        if (rule.value() != null) {
            messager.printMessage(Diagnostic.Kind.ERROR, rule.getMessage(), rule.rule(), rule.annotation(),
                    rule.value());
        } else {
            messager.printMessage(Diagnostic.Kind.ERROR, rule.getMessage(), rule.rule(), rule.annotation());
        }
    }

    /** Reports a bug in the processor, once, on the method it happened in. */
    void bug(Throwable failure, Element method) {
        messager.printMessage(Diagnostic.Kind.ERROR, Tag.INTERNAL_ERROR.prefix() + "MicroAutograd failed on "
                + method.getSimpleName() + " with " + failure + "; this is a bug, please report it with the method's "
                + "source", method);
    }
}
