package org.echarge.knx.internal.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.echarge.knx.internal.link.KnxConnection;
import org.echarge.knx.virtual.GroupValue;
import org.echarge.knx.virtual.KnxParticipant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tuwien.auto.calimero.IndividualAddress;

class VirtualKnxServiceTest {

    private final VirtualKnxService service = new VirtualKnxService();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        service.deactivate();
        executor.shutdownNow();
    }

    @Test
    void participantsOfOneNameShareANetworkAndOnlyThat() throws Exception {
        LinkedBlockingQueue<GroupValue> heardOnDemo = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<GroupValue> heardElsewhere = new LinkedBlockingQueue<>();
        KnxParticipant a = service.join("demo", "meter", "1.1.10", v -> { });
        KnxParticipant b = service.join("demo", "visualisation", "1.1.20", heardOnDemo::add);
        KnxParticipant c = service.join("other", "visualisation", "1.1.20", heardElsewhere::add);
        b.listen("0/1/10", "14.019");
        c.listen("0/1/10", "14.019");

        a.write("0/1/10", "14.019", 3.5);

        assertEquals(3.5, heardOnDemo.poll(3, TimeUnit.SECONDS).value());
        assertEquals(null, heardElsewhere.poll(200, TimeUnit.MILLISECONDS));
    }

    @Test
    void theGatewaysNetworkIsTheOneItsBindingIsOn() throws Exception {
        assertEquals(Optional.empty(), service.gatewayNetwork());
        service.join("demo", "meter", "1.1.10", v -> { });
        assertEquals(Optional.empty(), service.gatewayNetwork());

        KnxConnection connection = new KnxConnection(service.network("site-2").opener(KnxBinding.DEVICE_NAME,
                new IndividualAddress(15, 15, 255)), executor);
        connection.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (service.gatewayNetwork().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(Optional.of("site-2"), service.gatewayNetwork());
        connection.close();
        assertEquals(Optional.empty(), service.gatewayNetwork());

        assertEquals("\"e-charge gateway\" is the gateway's name on the network", assertThrows(
                IllegalArgumentException.class, () -> service.join("demo", KnxBinding.DEVICE_NAME, "1.1.1", v -> { }))
                .getMessage());
        assertThrows(IllegalArgumentException.class, () -> service.join(" ", "x", "1.1.1", v -> { }));
    }

    @Test
    void whenTheServiceGoesEveryParticipantIsClosed() {
        KnxParticipant a = service.join("demo", "meter", "1.1.10", v -> { });
        assertTrue(a.isOpen());
        service.deactivate();
        assertFalse(a.isOpen());
        assertThrows(IllegalStateException.class, () -> service.join("demo", "meter", "1.1.10", v -> { }));
        assertThrows(IllegalStateException.class, () -> service.join("new", "meter", "1.1.10", v -> { }));
    }
}
