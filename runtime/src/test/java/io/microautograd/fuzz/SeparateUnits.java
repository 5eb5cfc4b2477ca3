package io.microautograd.fuzz;

import io.microautograd.fuzz.DifferentialFuzzer.Compilation;
import io.microautograd.fuzz.DifferentialFuzzer.Counts;
import io.microautograd.fuzz.DifferentialFuzzer.Loaded;
import io.microautograd.fuzz.Program.Method;
import io.microautograd.processor.DifferentiableProcessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The batches of mode {@code everyday}: each program in a compilation unit of its own, the whole
 * batch in one javac run. A static import holds for a whole unit, and a method named like a Math
 * function hides the imported function from every method of its class (JLS 6.4.1), so programs
 * sharing a class would change each other's meaning.
 */
final class SeparateUnits {

    private SeparateUnits() {
    }

    /** Compiles {@code batch}, program {@code f} into class {@code className + "_" + f}, and checks each program. */
    static void checkBatch(List<Method> batch, String className, Random points, Counts counts) {
        Map<String, String> units = new LinkedHashMap<>();
        for (Method method : batch) {
            String name = className + "_" + method.name();
            units.put(DifferentialFuzzer.PACKAGE + "." + name,
                    JavaPrinter.compilationUnit(DifferentialFuzzer.PACKAGE, name, List.of(method)));
        }
        InMemoryCompiler.Result result = InMemoryCompiler.compile(units, new DifferentiableProcessor());
        for (Method method : batch) {
            String name = className + "_" + method.name();
            if (!result.success()) {
                DifferentialFuzzer.checkAlone(method, name, points, counts);
                continue;
            }
            String qualified = DifferentialFuzzer.PACKAGE + "." + name;
            try {
                Loaded loaded = new Loaded(result.classes().loadClass(qualified),
                        result.classes().loadClass(qualified + "Grad"));
                DifferentialFuzzer.countReversals(new Compilation(loaded, "", result.generatedSources()
                        .getOrDefault(qualified + "Grad", "")), counts);
                DifferentialFuzzer.checkProgram(method, loaded, points, counts, Shrinker::recheck);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("no class " + e.getMessage() + " after a successful compilation", e);
            }
        }
    }
}
