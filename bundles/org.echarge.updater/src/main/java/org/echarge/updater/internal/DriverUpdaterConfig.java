package org.echarge.updater.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "e-charge driver updater",
        description = "Field updates of single charger drivers and of the firmware: the update key, limits, the health "
                + "check's times and the update server.")
public @interface DriverUpdaterConfig {

    @AttributeDefinition(name = "Update key file",
            description = "Ed25519 public key (PEM) that driver update packages must be signed with; a relative path "
                    + "is below the Karaf base directory")
    String publicKeyFile() default "etc/echarge-update.pub";

    @AttributeDefinition(name = "Largest package (MiB)", min = "1", max = "256")
    int maxPackageMebibytes() default 16;

    @AttributeDefinition(name = "Driver timeout (s)",
            description = "How long the updated driver may take to register its ChargerDriver service again", min = "1")
    int driverTimeoutSeconds() default 20;

    @AttributeDefinition(name = "Point timeout (s)",
            description = "How long the driver's charging points may take to answer again after the update; a point "
                    + "counts only if it answered within this time before the update", min = "1")
    int pointTimeoutSeconds() default 30;

    @AttributeDefinition(name = "History entries", description = "How many update attempts the history keeps",
            min = "1")
    int historyEntries() default 100;

    @AttributeDefinition(name = "Update server",
            description = "Address of the update server's index (http:// or https://, format echarge-update-index/1, "
                    + "see the updater's README); empty: no update server", required = false)
    String updateServerUrl() default "";

    @AttributeDefinition(name = "Largest firmware package (MiB)", min = "1", max = "1024")
    int maxFirmwareMebibytes() default 128;

    @AttributeDefinition(name = "Update server timeout (s)",
            description = "Connection and answer timeout for the update server (each request)", min = "1")
    int serverTimeoutSeconds() default 30;
}
