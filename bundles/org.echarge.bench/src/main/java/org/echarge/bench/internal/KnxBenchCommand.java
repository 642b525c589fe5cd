package org.echarge.bench.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.echarge.api.dlm.LoadManagement;
import org.echarge.api.knx.KnxDevice;
import org.echarge.knx.virtual.VirtualKnx;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleContext;

/** {@code echarge:bench-knx}: see README.md. Runs for a few minutes and changes what the demo site's vehicles do. */
@Command(scope = "echarge", name = "bench-knx",
        description = "KNX benchmark on the virtual KNX network: meter telegram to new setpoints at the stations, "
                + "sustained telegram rate, highest rate")
@Service
@Header(name = "Karaf-Commands", value = "*")
public class KnxBenchCommand implements Action {

    @Reference
    private VirtualKnx knx;

    @Reference
    private LoadManagement dlm;

    @Reference
    private KnxDevice device;

    @Reference
    private BundleContext context;

    @Option(name = "--telegrams", description = "latency: number of measured meter telegrams")
    private int telegrams = 1000;

    @Option(name = "--rate", description = "sustained: telegrams per second")
    private int rate = 1000;

    @Option(name = "--seconds", description = "sustained: duration")
    private int seconds = 60;

    @Option(name = "--probe-seconds", description = "duration of each higher rate tried; 0 = none")
    private int probeSeconds = 10;

    @Option(name = "--address", description = "the benchmark smart meter's individual address")
    private String address = "1.1.240";

    @Option(name = "--meter", description = "group addresses of objects 10, 11, 12", multiValued = true)
    private List<String> meterAddresses = List.of("0/1/10", "0/1/11", "0/1/12");

    @Override
    public Object execute() throws Exception {
        if (meterAddresses.size() != 3) {
            throw new IllegalArgumentException("--meter needs the group addresses of objects 10, 11 and 12");
        }
        new KnxBench(knx, dlm, device, context, new KnxBench.Options(telegrams, rate, seconds, probeSeconds, address,
                List.copyOf(meterAddresses)), System.out).run();
        return null;
    }
}
