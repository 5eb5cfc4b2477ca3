package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Stmt;
import java.util.List;

/**
 * The two halves of a statement's derivative code.
 *
 * @param forward what runs in the forward sweep: the statement itself plus what it records
 * @param reverse what runs in the reverse sweep: restoring what it overwrote and its adjoint code
 */
record Sweeps(List<Stmt> forward, List<Stmt> reverse) {
}
