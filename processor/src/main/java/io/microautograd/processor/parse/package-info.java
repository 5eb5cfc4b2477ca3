/**
 * From javac trees to the IR: the fence that admits the supported subset of Java.
 *
 * <p>Method bodies are not type-attributed while processors run, so the reader infers types
 * itself over the subset's six (double, int, long, boolean, double[], double[][]) and resolves
 * names through the compilation unit's imports and the Elements API. Choices where the issue is
 * silent: a {@code private static final} constant is inlined from its compile-time value (the
 * generated class cannot read it); other static finals are referenced by name; locals may be
 * declared without an initializer; casts to double, int and long are allowed; {@code %} is
 * allowed on int and long values only.
 */
package io.microautograd.processor.parse;
