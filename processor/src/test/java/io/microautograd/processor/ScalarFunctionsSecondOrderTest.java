package io.microautograd.processor;

/**
 * The functions of {@link ScalarFunctionsTest}, each compiled with {@code order = 2}: every check of
 * that test again, and at each point the Hessian-vector product against central differences of
 * the compiled gradient and against the {@code Value} engine's second derivatives through the
 * method's twin ({@link HessianVectorCheck}).
 */
class ScalarFunctionsSecondOrderTest extends ScalarFunctionsTest {

    @Override
    String compiled(String source) {
        return SecondOrderSources.of(source);
    }

    @Override
    boolean secondOrder() {
        return true;
    }
}
