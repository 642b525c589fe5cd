package org.echarge.updater.internal.shell;

import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.echarge.updater.DriverUpdater;
import org.echarge.updater.UpdateReport;

@Service
@Command(scope = "echarge", name = "driver-update",
        description = "Verifies a signed driver update package and updates the installed driver in place; "
                + "rolls back when the driver or its charging points do not come back")
public class DriverUpdateCommand implements Action {

    @Reference
    DriverUpdater updater;

    @Argument(index = 0, name = "file", required = true,
            description = "The update package (ZIP with update.properties, update.sig, bundle.jar)")
    @Completion(FileCompleter.class)
    String file;

    @Override
    public Object execute() throws CommandException {
        UpdateReport report = updater.update(Path.of(file).toAbsolutePath());
        UpdateListing.report(report).forEach(System.out::println);
        if (!report.succeeded()) {
            // a non-zero result for scripts and bin/client
            throw new CommandException("driver update " + report.outcome());
        }
        return null;
    }
}
