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
 *
 * <p>Tapes: a pullback that tapes keeps each of its tape arrays in a
 * {@code private static final ThreadLocal} field of the generated class, named after the method and
 * the tape's kind ({@code objectiveDoubleTape}), a name reserved before any local so that none
 * hides it. A call takes the thread's kept array when it is long enough, else starts a new one,
 * and stores its own, grown as it may be, before it returns, so each thread keeps, per method,
 * the tape of its last call that returned, which grows to the largest tape a call needed, and calls
 * that fit allocate and zero no tape (GMM on 10,000 points tapes megabytes per call), up to a bound:
 * a {@code keep} helper gives a tape or array back only when it takes at most {@code KEPT_BYTES}
 * (1 MiB, or the system property {@code microautograd.keptBytes} when the class is initialised),
 * else the thread keeps what it had. The memory is released when the thread ends or calls the
 * class's {@code releaseKeptMemory}, which removes every {@code ThreadLocal} field. A kept array is taken out of its field while a call uses it, so a
 * nested call on the same thread (through plain user code) gets its own; a call that throws loses
 * its array. Entries are never cleared, since each is written before it is read, except on the row
 * tape, which would otherwise keep the caller's arrays alive: a pop clears its row's slot, and
 * before it is kept the slots below its size are cleared, so a call pays for the slots it used, not
 * for the kept tape's capacity. Kept tapes are arrays of primitives or of cleared rows, so they
 * never pin a class loader. Methods without tapes have no such fields.
 *
 * <p>Kept arrays: the arrays a method allocates with every size given, and the adjoint arrays
 * allocated alongside them, are kept per thread the same way when no one can see them once the call
 * has returned (the diff package's {@code ReusableArrays} has the rule: not initializers, not
 * matrices without a row length, not arrays passed to a method that could hold on to them). Each
 * has a {@code ThreadLocal} field named after the method and the array ({@code batchActArray}; a
 * number is added when another method's field has the name). The allocation becomes a call of a
 * helper ({@code takeVector}, {@code takeMatrix}) that takes the kept array when its shape is
 * exactly the one asked for (a matrix's row count and every row's length), clears the field so that
 * a nested call gets its own, and zero-fills it as {@code new} would; any other shape allocates. A
 * call gives its arrays back before its return, replacing what was kept: a thread holds the arrays
 * of its last call, of the last shapes used, until it ends; exact shapes only, since a larger kept
 * array would change what {@code length} says. A call that throws loses the arrays it took; one
 * that returned before an allocation keeps none for it. Reused arrays are warm in cache where new
 * ones are cold and feed the garbage collector.
 *
 * <p>Checkpointed loops ({@link io.microautograd.processor.ir.Stmt.KeepSnapshots} and {@link
 * io.microautograd.processor.ir.Stmt.ReverseSegments}): {@code CheckpointedLoops} writes a loop's
 * schedule, an instance of the private nested class {@code BinomialCheckpoints} that {@code
 * BinomialSchedule} writes once per generated class that needs it, and an array of snapshots per
 * value of its state ({@code xSnapshots}; a {@code double[][]} of rows for an array, each row
 * allocated once and copied into after), declared where the loop starts, or at the top of the
 * method when the loop sits in a block the reverse sweep cannot see into.
 *
 * <p>Pushing: an entry goes on a tape through a {@code push} helper that grows the array when it
 * is full and returns it, so a loop that pushes reassigns its tape array every iteration and the
 * JIT can neither hoist nor vectorise it. A loop whose trips and pushes per iteration the diff
 * package can bound at its entry ({@link io.microautograd.processor.diff.Pullback#tapeReservations})
 * is preceded by one {@code tape = reserve(tape, size, entries)} per tape kind it uses, under a
 * one-line comment, and its body stores plainly, {@code doubleTape[doubleTapeSize++] = v}. The
 * {@code reserve} helper grows like {@code push} (to twice the length, or to what is needed when
 * that is more), does nothing for zero or fewer entries (a loop that runs no times), and throws
 * {@code OutOfMemoryError} with the size when the tape would outgrow the largest Java array, as
 * allocating it would. The plain stores are bounds-checked by Java, so a reservation that were
 * ever short would fail loudly, never write past the tape silently. A loop whose double-tape
 * entries are a run of one array's elements ({@link
 * io.microautograd.processor.diff.Pullback#tapeSlices}) stores them after its reservation with one
 * {@code doubleTapeSize = pushSlice(doubleTape, doubleTapeSize, a, from, count)} and its body
 * pushes nothing; a reverse loop that restored such a run gives it back after it with one {@code
 * restoreSlice}, and is left out, but for its comments, when restoring was all it did. Both helpers
 * are one {@code System.arraycopy}, and copy nothing for a count of zero or less.
 *
 * <p>Alias checks: after the storage's (or tangents') shape checks, a pullback, a tangent method
 * or a pullback's tangent checks that no two of its array arguments share storage where its
 * answer would then not be the method's ({@code Separation} in the diff package has the pairs),
 * one helper call per pair: {@code requireSeparate} for two vectors, {@code requireNotRow} for a
 * vector and a matrix (row by row), {@code requireOwnRows} for a matrix of adjoint storage (or of
 * a product) and a matrix argument, {@code requireNoSharedRow} for a matrix the method writes
 * into and another matrix, {@code requireDistinctRows} for the rows of a matrix it writes into.
 * {@code requireOwnRows} marks the storage's rows, which the caller lent for writing, with their
 * index as first element for the time of the check and gives the elements back in
 * reverse order (a repeated row gets its own value back); it reads no identity hash, which fresh
 * storage would have to be given. The rows of a matrix the method writes into, which must stay as
 * they were, go into a table of chains by identity hash instead. Both scratch arrays are kept per
 * thread ({@code storageFirsts}, {@code rowTable}), so the checks take time in proportion to the
 * rows and allocate nothing once they have grown. Each message names both arguments (and rows)
 * and says what to pass instead; arrays without elements share nothing.
 *
 * <p>Split reversals: a reversed loop that the diff package runs as two, sums then array updates
 * (its {@code ReverseLoopSplit} has the rule), is printed as two {@code for} statements with the
 * same header (and the same statement setting the index at the top of each iteration) under a
 * one-line comment that says why. A temporary both loops
 * need is computed again at the top of the second under its own name, so each loop declares its
 * locals itself and none is hoisted to the top of the method.
 *
 * <p>Value twins: when {@code io.microautograd.engine.Value} resolves in the compilation (the
 * runtime is on the class path or being compiled), {@code ValueTwins} also writes {@code
 * ModelValues}, a class of its own so that {@code ModelGrad} keeps needing only the JDK. {@code
 * ValueTwinWriter} prints each method's source IR, not its derivative, on the engine: {@code
 * double} becomes {@code Value} and {@code double[]} {@code Value[]}, each operation on values
 * one engine call ({@code a.sub(b)}, {@code x.exp()}, a plain right operand through the engine's
 * {@code double} overloads), a new node assigned or stored is labelled with the variable's name,
 * and everything else (int code, loops, branches on {@code data()}, guards) is printed as the
 * source has it, its locals declared as {@code Declarations} places them. Calls of annotated
 * methods go through their twins; whether a callee has one is decided for the whole round, a
 * method losing its twin when a callee has none, and for a callee compiled earlier by looking its
 * twin class up. Calls of methods with a user's rule apply the rule's operation instead, even for
 * a {@code @Differentiable} helper the rule replaces, since that rule is what the compiled gradient
 * uses: {@code RuleOperations} finds it among the operations written in this javac run, or, for
 * rules compiled elsewhere, as a method of that signature in their operations class. {@code
 * StrictMath} functions that may differ from {@code Math}'s by an ulp keep StrictMath's value
 * through a helper that adds the difference as a constant. A method the engine cannot run gets no
 * twin and a line in the class's javadoc saying why, never code that fails to compile.
 */
package io.microautograd.processor.emit;
