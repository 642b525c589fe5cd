package org.echarge.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

import org.echarge.api.knx.KnxDevice;
import org.echarge.api.knx.KnxState;
import org.echarge.knx.virtual.KnxParticipant;
import org.echarge.knx.virtual.VirtualKnx;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;

/**
 * KNX Secure in the distribution: the binding reads an ETS keyring (XML, PBKDF2, AES through
 * Calimero inside Karaf, where java.xml is Karaf's), refuses a wrong keyring password with the
 * message in the KNX state, and with the right one applies KNX Data Secure on a virtual KNX network:
 * a plain telegram to the secured group address is refused and counted.
 *
 * <p>{@code datasecure.knxkeys} was written by the KNX bundle's test {@code TestKeyring} from known
 * test keys (keyring password {@code itest-keyring}, group 1/7/1); it is no real keyring.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KnxSecureIT extends GatewayTestSupport {

    @Test
    public void aKeyringInTheContainerSecuresGroupAddresses() throws Exception {
        Path keyring = Path.of(System.getProperty("echarge.itest.target"), "datasecure.knxkeys").toAbsolutePath();
        try (InputStream in = KnxSecureIT.class.getResourceAsStream("datasecure.knxkeys")) {
            Files.copy(in, keyring, StandardCopyOption.REPLACE_EXISTING);
        }
        VirtualKnx knx = service(VirtualKnx.class);
        KnxDevice device = service(KnxDevice.class);
        Configuration binding = configurationAdmin.getConfiguration("org.echarge.knx", null);
        try {
            Dictionary<String, Object> settings = new Hashtable<>();
            settings.put("mode", "VIRTUAL");
            settings.put("host", "itest-secure");
            settings.put("individualAddress", "1.1.10");
            settings.put("links", new String[] {"1=1/7/1"});
            settings.put("keyringFile", keyring.toString());
            settings.put("keyringPassword", "not the password");
            binding.update(settings);
            String refusal = "keyring password: wrong password for the keyring " + keyring
                    + " (or the file was changed after ETS exported it: its signature does not match)";
            waitFor("the wrong keyring password refused", Duration.ofSeconds(20),
                    () -> device.state().problems().equals(List.of(refusal)));
            assertEquals(KnxState.Connection.OFF, device.state().connection());

            settings.put("keyringPassword", "itest-keyring");
            binding.update(settings);
            waitFor("the gateway on the virtual network", Duration.ofSeconds(20),
                    () -> knx.gatewayNetwork().equals(Optional.of("itest-secure")));
            assertEquals(device.state().toString(), List.of(), device.state().problems());
            try (KnxParticipant plain = knx.join("itest-secure", "plain switch", "1.1.20", value -> { })) {
                plain.write("1/7/1", "1.001", true);
                waitFor("the plain telegram refused", Duration.ofSeconds(10),
                        () -> device.state().refusedTelegrams() == 1);
                assertEquals("plain WRITE from 1.1.20 to 1/7/1 refused: the group address is secured with KNX Data "
                        + "Secure", device.state().lastRefusal());
            }
        } finally {
            binding.delete();
        }
        waitFor("the gateway off the virtual network", Duration.ofSeconds(10),
                () -> knx.gatewayNetwork().isEmpty());
    }

    private <T> T service(Class<T> type) {
        ServiceReference<T> reference = context.getServiceReference(type);
        assertTrue(type.getSimpleName() + " registered", reference != null);
        return context.getService(reference);
    }
}
