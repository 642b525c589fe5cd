package org.echarge.point.internal.fault;

import java.time.Clock;

import org.echarge.api.fault.FaultStatus;
import org.echarge.api.fault.GatewayFaults;
import org.echarge.api.fault.GeneralFault;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The gateway's general faults (objects 8 and 9) under the rules of {@link FaultLedger}. */
@Component(service = GatewayFaults.class, immediate = true) // faults outlive their users
public final class GatewayFaultsService implements GatewayFaults {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayFaultsService.class);

    private final FaultLedger<GeneralFault> ledger = new FaultLedger<>(GeneralFault.class, GeneralFault.NO_ERROR);
    private final Clock clock = Clock.systemUTC();

    @Override
    public synchronized void raise(GeneralFault fault, String detail) {
        if (!ledger.isPresent(fault)) {
            LOG.warn("General fault {}: {}", fault.code(), detail);
        }
        ledger.raise(fault, detail, clock.instant());
    }

    @Override
    public synchronized void clear(GeneralFault fault) {
        if (ledger.isPresent(fault)) {
            LOG.info("General fault {} cleared", fault.code());
            ledger.clear(fault);
        }
    }

    @Override
    public synchronized FaultStatus<GeneralFault> status() {
        return new FaultStatus<>(ledger.present(), ledger.shown(), ledger.shownDetail());
    }
}
