package io.microautograd.userbuild;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A JDK a user build runs on: Maven is started with {@code JAVA_HOME} set to {@code home}.
 *
 * @param name how test names show it, for example "JDK 25"
 * @param home the JDK's folder, holding {@code bin/java}
 */
record Jdk(String name, Path home) {

    /** The JDK 25 that the project's machines have; tests on it are skipped where it is absent. */
    static final Jdk JDK_25 = new Jdk("JDK 25", Path.of("/usr/lib/jvm/temurin-25-jdk-amd64"));

    /** The JDK running this build (17 on the project's machines). */
    static Jdk running() {
        return new Jdk("JDK " + Runtime.version().feature(), Path.of(System.getProperty("java.home")));
    }

    /** Skips the calling test, with a reason, unless this JDK has a {@code javac}. */
    void assumeInstalled() {
        assumeTrue(Files.isExecutable(home.resolve("bin/javac")), name + " is not installed at " + home);
    }

    @Override
    public String toString() {
        return name;
    }
}
