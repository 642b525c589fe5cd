package org.echarge.updater.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "e-charge driver updater",
        description = "Field updates of single charger drivers: the update key, limits and the health check's times.")
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
}
