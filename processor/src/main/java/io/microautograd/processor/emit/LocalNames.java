package io.microautograd.processor.emit;

import com.palantir.javapoet.NameAllocator;
import io.microautograd.processor.ir.Variable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Java names of one generated method's variables. Source names are kept where they are
 * free; generated variables take their hint, numbered when taken, so they never clash with the
 * user's names. Backed by JavaPoet's {@link NameAllocator}, one per generated method.
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
}
