package org.echarge.updater.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.echarge.updater.DriverUpdater;
import org.echarge.updater.InstalledDriver;
import org.echarge.updater.UpdateRecord;

@Service
@Command(scope = "echarge", name = "drivers",
        description = "Lists the installed charger drivers and the driver update history")
public class DriversCommand implements Action {

    @Reference
    DriverUpdater updater;

    @Option(name = "-n", aliases = "--history", description = "How many history entries to show, newest first")
    int historyEntries = 10;

    @Override
    public Object execute() {
        List<InstalledDriver> drivers = updater.drivers();
        ShellTable table = new ShellTable().emptyTableText("no driver bundle is installed");
        table.column("Bundle").alignRight();
        table.column("Symbolic name");
        table.column("Version");
        table.column("State");
        table.column("Driver");
        table.column("Models");
        drivers.forEach(driver -> table.addRow().addContent(driver.bundleId(), driver.symbolicName(),
                driver.version(), driver.state(), String.join(", ", driver.driverIds()),
                String.join(", ", driver.modelIds())));
        table.print(System.out);

        List<UpdateRecord> history = updater.history();
        UpdateListing.undoneUpdates(drivers, history).forEach(System.out::println);
        System.out.println();
        System.out.println("Update history (newest first):");
        ShellTable updates = new ShellTable().emptyTableText("no driver update so far");
        updates.column("Time");
        updates.column("Outcome");
        updates.column("Driver");
        updates.column("From");
        updates.column("To");
        updates.column("Outage").alignRight();
        updates.column("Message").maxSize(100).wrap();
        for (int i = history.size() - 1; i >= Math.max(0, history.size() - historyEntries); i--) {
            UpdateRecord record = history.get(i);
            updates.addRow().addContent(record.time(), record.outcome(), record.symbolicName(), record.fromVersion(),
                    record.toVersion(), record.pointOutage().map(UpdateListing::seconds).orElse(""), record.message());
        }
        updates.print(System.out);
        return null;
    }
}
