package io.microautograd.processor;

import java.lang.reflect.Field;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

/** What generated classes keep per thread (tapes, arrays), and threads that have kept nothing yet. */
final class PerThread {

    private PerThread() {
    }

    /** The result of {@code call} on a new thread, which has kept nothing from earlier calls. */
    static <T> T onNewThread(Callable<T> call) throws Exception {
        FutureTask<T> task = new FutureTask<>(call);
        Thread thread = new Thread(task);
        thread.start();
        return task.get();
    }

    /** What the calling thread keeps in the {@code ThreadLocal} field {@code name} of {@code generated}. */
    static Object kept(Class<?> generated, String name) throws ReflectiveOperationException {
        Field field = generated.getDeclaredField(name);
        field.setAccessible(true);
        return ((ThreadLocal<?>) field.get(null)).get();
    }
}
