package io.microautograd.processor;

/**
 * The functions of {@link ArrayAndLoopFunctionsTest}, each compiled with {@code order = 2}: every
 * check of that test again, and for each checked call the Hessian-vector product against central
 * differences of the compiled gradient and against the {@code Value} engine's second derivatives
 * through the method's twin ({@link HessianVectorCheck}).
 */
class ArrayAndLoopFunctionsSecondOrderTest extends ArrayAndLoopFunctionsTest {

    @Override
    String compiled(String source) {
        return SecondOrderSources.of(source);
    }

    @Override
    boolean secondOrder() {
        return true;
    }
}
