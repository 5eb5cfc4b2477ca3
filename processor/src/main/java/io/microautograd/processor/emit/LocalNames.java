package io.microautograd.processor.emit;

import com.palantir.javapoet.NameAllocator;
import io.microautograd.processor.ir.Variable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The Java names of one generated method's variables. Source names are kept where they are
 * free; generated variables take their hint, numbered when taken, so they never clash with the
 * user's names. Names seen throughout the method (parameters, the tapes, the types its code calls
 * through) are unique, backed by JavaPoet's {@link NameAllocator}; a local shares its name with
 * any other local whose scope it does not meet ({@link #nameLocals}), so each of a method's loops
 * over samples can count with its own {@code s}.
 */
final class LocalNames {

    private final NameAllocator allocator = new NameAllocator();
    private final Set<String> taken = new HashSet<>();
    private final Map<Object, String> names = new HashMap<>();

    /** The name of a variable, allocated on first request. */
    String of(Variable v) {
        return allocate(v.name(), v);
    }

    /** A name for something that is not a variable (a label, a tape), identified by {@code tag}. */
    String allocate(String hint, Object tag) {
        String existing = names.get(tag);
        if (existing != null) {
            return existing;
        }
        String candidate = hint;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = hint + n;
        }
        String name = allocator.newName(candidate, tag);
        taken.add(name);
        names.put(tag, name);
        return name;
    }

    /**
     * Names local variables in the given order, each its hint, numbered when a name seen
     * throughout the method has it or a local named before it whose scope meets its own does.
     * Their names are then taken for everything named later.
     */
    void nameLocals(List<Variable> locals, Declarations declarations) {
        Map<Variable, String> named = new LinkedHashMap<>();
        for (Variable v : locals) {
            if (names.containsKey(v)) {
                continue;
            }
            String candidate = v.name();
            for (int n = 2; !isFree(candidate, v, named, declarations); n++) {
                candidate = v.name() + n;
            }
            named.put(v, candidate);
        }
        named.forEach((v, name) -> {
            names.put(v, name);
            if (taken.add(name)) {
                allocator.newName(name, new Object());
            }
        });
    }

    private boolean isFree(String candidate, Variable v, Map<Variable, String> named, Declarations declarations) {
        if (SourceVersion.isKeyword(candidate) || taken.contains(candidate)) {
            return false;
        }
        for (Map.Entry<Variable, String> other : named.entrySet()) {
            if (other.getValue().equals(candidate) && declarations.overlap(v, other.getKey())) {
                return false;
            }
        }
        return true;
    }
}
