package org.echarge.updater.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import org.echarge.updater.DriverUpdater;
import org.echarge.updater.InstalledDriver;
import org.echarge.updater.UpdateRecord;
import org.echarge.updater.UpdateReport;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The gateway's {@link DriverUpdater} (PID {@code org.echarge.updater}, optional: the defaults
 * work). Its files live in {@code <karaf.data>/echarge/updater}: {@code history.tsv} and
 * {@code previous/<symbolic name>.jar}, the version replaced by the last update of each driver.
 */
@Component(configurationPid = DriverUpdaterComponent.PID)
@Designate(ocd = DriverUpdaterConfig.class)
public final class DriverUpdaterComponent implements DriverUpdater {

    static final String PID = "org.echarge.updater";

    private final DriverFramework framework;
    private final UpdateHistory history;
    private final UpdateProcedure procedure;

    @Activate
    public DriverUpdaterComponent(BundleContext context, DriverUpdaterConfig config) {
        String base = context.getProperty("karaf.base");
        String data = context.getProperty("karaf.data");
        UpdateSettings settings = UpdateSettings.of(config, Path.of(base != null ? base : "."));
        Path directory = data != null ? Path.of(data, "echarge", "updater") : context.getDataFile("").toPath();
        this.framework = new OsgiDriverFramework(context, settings.driverTimeout());
        this.history = new UpdateHistory(directory.resolve("history.tsv"), settings.historyEntries());
        this.procedure = new UpdateProcedure(framework, settings, history, directory.resolve("previous"),
                Clock.systemUTC(), Sleeper.THREAD);
    }

    @Override
    public UpdateReport update(Path updatePackage) {
        return procedure.update(updatePackage);
    }

    @Override
    public List<InstalledDriver> drivers() {
        return drivers(framework);
    }

    static List<InstalledDriver> drivers(DriverFramework framework) {
        return framework.driverBundles().stream().sorted(Comparator.comparing(DriverBundle::symbolicName))
                .map(bundle -> {
                    List<DriverService> services = framework.driverServices(bundle.id());
                    return new InstalledDriver(bundle.id(), bundle.symbolicName(), bundle.version().toString(),
                            bundle.state(), services.stream().map(DriverService::driverId).sorted().toList(),
                            services.stream().flatMap(s -> s.modelIds().stream()).sorted().toList());
                }).toList();
    }

    @Override
    public List<UpdateRecord> history() {
        return history.records();
    }
}
