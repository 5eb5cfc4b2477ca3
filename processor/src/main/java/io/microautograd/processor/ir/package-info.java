/**
 * The compiler's intermediate representation: immutable records behind sealed interfaces.
 * Expressions have no side effects and know their type; statements are structured (blocks, if,
 * loops, break, continue, return). Variables are symbols with a unique id, so two source
 * locals of the same name in different scopes stay apart; the emitter names them. The
 * differentiation writes its output in the same IR, extended by tape pushes and pops.
 */
package io.microautograd.processor.ir;
