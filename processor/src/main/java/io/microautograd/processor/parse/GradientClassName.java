package io.microautograd.processor.parse;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/** The name of the class generated for a user class: {@code p.Model} gives {@code p.ModelGrad}. */
public final class GradientClassName {

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
        return name.append("Grad").toString();
    }

    /** The qualified name of the generated class. */
    public static String qualifiedNameOf(TypeElement type) {
        String pkg = packageOf(type);
        return pkg.isEmpty() ? simpleNameOf(type) : pkg + "." + simpleNameOf(type);
    }
}
