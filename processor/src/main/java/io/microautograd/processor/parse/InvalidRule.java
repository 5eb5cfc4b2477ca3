package io.microautograd.processor.parse;

import io.microautograd.processor.ir.MethodKey;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;

/**
 * A {@code @Derivative} or {@code @Pullback} rule the compiler cannot use, with where to report
 * it: at the annotation value at fault, or at the annotation.
 */
public final class InvalidRule extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ExecutableElement rule;
    private final transient AnnotationMirror annotation;
    private final transient AnnotationValue value;
    private final MethodKey target;

    InvalidRule(String message, ExecutableElement rule, AnnotationMirror annotation, AnnotationValue value) {
        this(message, rule, annotation, value, null);
    }

    InvalidRule(String message, ExecutableElement rule, AnnotationMirror annotation, AnnotationValue value,
            MethodKey target) {
        super(Tag.CUSTOM_RULE.prefix() + message, null, false, false);
        this.rule = rule;
        this.annotation = annotation;
        this.value = value;
        this.target = target;
    }

    /** The method the rule is for, when it was found. */
    MethodKey target() {
        return target;
    }

    /** The annotated method. */
    public ExecutableElement rule() {
        return rule;
    }

    /** The rule's annotation. */
    public AnnotationMirror annotation() {
        return annotation;
    }

    /** The annotation value at fault, or null for the annotation as a whole. */
    public AnnotationValue value() {
        return value;
    }
}
