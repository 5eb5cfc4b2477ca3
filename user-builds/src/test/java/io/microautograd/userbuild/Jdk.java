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

    /**
     * JDK 25, where the build's property {@code user.builds.jdk25} says (by default where the
     * project's machines have it); tests on it are skipped where it is absent.
     */
    static Jdk jdk25() {
        return new Jdk("JDK 25", Path.of(PrivateRepository.property("user.builds.jdk25")));
    }

    /** The JDK running this build (17 on the project's machines). */
    static Jdk running() {
        return new Jdk("JDK " + Runtime.version().feature(), Path.of(System.getProperty("java.home")));
    }

    /** Skips the calling test, with a reason, unless this JDK has a {@code javac}. */
    void assumeInstalled() {
        assumeTrue(Files.isExecutable(home.resolve("bin/javac")), name + " is not installed at " + home
                + " (mvn -Duser.builds.jdk25=FOLDER names another)");
    }

    @Override
    public String toString() {
        return name;
    }
}
