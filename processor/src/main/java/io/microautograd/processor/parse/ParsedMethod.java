package io.microautograd.processor.parse;

import com.sun.source.tree.Tree;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.Stmt;
import java.util.Map;

/**
 * A method read into the IR, with where its calls are in the source, so that errors found
 * later about a call (recursion, derivatives flowing into a method without them) point at it.
 *
 * @param function the method in the IR
 * @param callSites the source tree of each call expression (an identity map)
 * @param loopSites the source tree of each loop, for notes on how it is differentiated
 */
public record ParsedMethod(Function function, Map<Expr.Call, Tree> callSites, Map<Stmt.Loop, Tree> loopSites) {
}
