package org.echarge.updater.internal.firmware;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The supervisor's directory ({@code bin/echarge-supervisor}, see the README): {@code slots/A},
 * {@code slots/B}, the symbolic links {@code current} and {@code previous}, and {@code state/}
 * where the gateway and the supervisor meet:
 * <ul>
 * <li>{@code state/staged/} a verified firmware waiting for the restart ({@code firmware.tar.gz},
 * {@code staged.properties}), written by the updater;</li>
 * <li>{@code state/last-result} (properties: {@code result}, {@code from}, {@code to},
 * {@code time}, {@code reason}) and {@code state/restored} (present while the indicators show
 * "previous firmware restored"), written by the supervisor.</li>
 * </ul>
 */
public record FirmwareLayout(Path root) {

    /** The system property through which the supervisor tells the gateway its directory. */
    public static final String ROOT_PROPERTY = "echarge.firmware.root";
    static final String STAGED_PROPERTIES = "staged.properties";

    public Path state() {
        return root.resolve("state");
    }

    public Path staged() {
        return state().resolve("staged");
    }

    Path stagedWork() {
        return state().resolve("staged.tmp");
    }

    public Path lastResult() {
        return state().resolve("last-result");
    }

    public Path restoredMarker() {
        return state().resolve("restored");
    }

    public Path previousSlot() {
        return root.resolve("previous");
    }

    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
