/** Runnable examples and the demo launcher. */
package io.microautograd.examples;
