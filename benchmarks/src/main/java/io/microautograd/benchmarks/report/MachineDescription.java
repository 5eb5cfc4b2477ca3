package io.microautograd.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A one-line description of the machine and JVM a run was made on, for the results page. */
public final class MachineDescription {

    private MachineDescription() {
    }

    /** The CPU, core count, maximum heap, JVM and operating system of this run. */
    public static String describe() {
        Runtime runtime = Runtime.getRuntime();
        return String.format("%s, %d cores, %d GiB max heap; %s %s on %s %s",
                cpuModel(), runtime.availableProcessors(), runtime.maxMemory() >> 30,
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    private static String cpuModel() {
        Path cpuInfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuInfo)) {
            return "unknown CPU";
        }
        try (Stream<String> lines = Files.lines(cpuInfo)) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
