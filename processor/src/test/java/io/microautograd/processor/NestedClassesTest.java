package io.microautograd.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Differentiable} methods of a class and of the classes nested in it: the processor finds
 * each method's declaration from its own class's, and each class gets a generated class of its own.
 */
class NestedClassesTest {

    @Test
    void theMethodsOfAClassAndOfItsNestedClassesEachGetTheirGradients() {
        GeneratedCode code = GeneratedCode.compile("p.Outer", """
                package p;

                import io.microautograd.Differentiable;

                class Outer {
                    @Differentiable
                    static double f(double x) {
                        return x * x;
                    }

                    static final class Inner {
                        @Differentiable
                        static double g(double x, double y) {
                            return x * y + Math.sin(y);
                        }

                        static final class Deep {
                            @Differentiable
                            static double h(double z) {
                                return 3 * z;
                            }
                        }
                    }

                    @Differentiable
                    static double k(double x) {
                        return Math.exp(x);
                    }
                }
                """);
        assertEquals(2 * 1.5, (double) GeneratedCode.component(code.call("p.OuterGrad", "f", 1.5), "x"));
        assertEquals(Math.exp(0.5), (double) GeneratedCode.component(code.call("p.OuterGrad", "k", 0.5), "x"));
        Object g = code.call("p.Outer_InnerGrad", "g", 2.0, 0.5);
        assertEquals(0.5, (double) GeneratedCode.component(g, "x"));
        assertEquals(2.0 + Math.cos(0.5), (double) GeneratedCode.component(g, "y"));
        assertEquals(3.0, (double) GeneratedCode.component(code.call("p.Outer_Inner_DeepGrad", "h", 7.0), "z"));
    }

    @Test
    void anErrorInANestedClassIsReportedAtItsExpression() {
        JavaFileObject file = JavaFileObjects.forSourceString("p.Outer", """
                package p;

                import io.microautograd.Differentiable;

                class Outer {
                    static final class Inner {
                        @Differentiable
                        static double g(double x) {
                            return x * Math.random();
                        }
                    }
                }
                """);
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MicroAutograd:UnsupportedMath] Math.random").inFile(file)
                .onLine(9).atColumn(35);
    }
}
