package io.microautograd.processor;

/**
 * The functions of {@link ScalarFunctionsTest}, each compiled with {@code order = 2}: every check of
 * that test again, and at each point the Hessian-vector product against central differences of
 * the compiled gradient ({@link HessianVectorCheck}).
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
