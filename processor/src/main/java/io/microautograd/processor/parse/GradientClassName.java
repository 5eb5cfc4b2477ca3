package io.microautograd.processor.parse;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * The names of the classes generated for a user class: {@code p.Model} gives {@code p.ModelGrad},
 * and, when the runtime is on the class path, its Value twins' {@code p.ModelValues}.
 */
public final class GradientClassName {

    static final String GRADIENT_SUFFIX = "Grad";
    private static final String TWIN_SUFFIX = "Values";

    private GradientClassName() {
    }

    /** The package of the generated class, the user class's package. */
    public static String packageOf(TypeElement type) {
        Element e = type;
        while (e.getKind() != ElementKind.PACKAGE) {
            e = e.getEnclosingElement();
        }
        return ((PackageElement) e).getQualifiedName().toString();
    }

    /** The simple name: nested classes join their enclosing names with underscores. */
    public static String simpleNameOf(TypeElement type) {
        StringBuilder name = new StringBuilder(type.getSimpleName());
        Element e = type.getEnclosingElement();
        while (e instanceof TypeElement enclosing) {
            name.insert(0, enclosing.getSimpleName() + "_");
            e = e.getEnclosingElement();
        }
        return name.append(GRADIENT_SUFFIX).toString();
    }

    /** The qualified name of the generated class. */
    public static String qualifiedNameOf(TypeElement type) {
        String pkg = packageOf(type);
        return pkg.isEmpty() ? simpleNameOf(type) : pkg + "." + simpleNameOf(type);
    }

    /** The qualified name of the class holding the Value twins beside the gradient class {@code gradientClass}. */
    public static String twinClassOf(String gradientClass) {
        return gradientClass.substring(0, gradientClass.length() - GRADIENT_SUFFIX.length()) + TWIN_SUFFIX;
    }
}
