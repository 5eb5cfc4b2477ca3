/**
 * From the IR to Java source with JavaPoet. One generated class per user class, named
 * {@code ModelGrad} for {@code Model}, final, {@code @Generated}, linking each source method.
 *
 * <p>Naming: one {@link com.palantir.javapoet.NameAllocator} per generated method; source names
 * are kept, generated variables take descriptive hints ({@code dX} for the adjoint of {@code x},
 * {@code xBefore} for a value kept before an overwrite) and are numbered when a name is taken,
 * so they never clash with the user's. A local is declared where it is first assigned when all
 * its uses are in that block, else at the top of the method. Each source statement's adjoint
 * code starts with a comment carrying its line. Helper methods (tape growth, storage checks)
 * are written into the generated class only when used: generated code needs only the JDK.
 */
package io.microautograd.processor.emit;
