package org.echarge.updater.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class BundleHeadersTest {

    @Test
    void findsTheChargerDriverServiceAsBndDeclaresIt() {
        assertTrue(BundleHeaders.providesChargerDriver("osgi.service;objectClass:List<String>=\"org.echarge.api."
                + "charger.ChargerDriver\";uses:=\"org.echarge.api.charger\""));
        assertTrue(BundleHeaders.providesChargerDriver("osgi.service;objectClass:List<String>=\"org.echarge.api.meter."
                + "MeterDriver\",osgi.service;objectClass:List<String>=\"org.echarge.api.charger.ChargerDriver,"
                + "java.lang.Runnable\""));
        assertTrue(BundleHeaders.providesChargerDriver("osgi.service;objectClass=org.echarge.api.charger.ChargerDriver"));
    }

    @Test
    void ignoresOtherServicesNamespacesAndDirectives() {
        assertFalse(BundleHeaders.providesChargerDriver(null));
        assertFalse(BundleHeaders.providesChargerDriver("osgi.service;objectClass:List<String>=\"org.echarge.api."
                + "meter.MeterDriver\";uses:=\"org.echarge.api.charger.ChargerDriver\""));
        assertFalse(BundleHeaders.providesChargerDriver("echarge.other;objectClass=org.echarge.api.charger.ChargerDriver"));
        assertFalse(BundleHeaders.providesChargerDriver("osgi.service;=x"));
    }

    @Test
    void splitsOutsideQuotesOnly() {
        assertEquals(List.of("a;b=\"1,2\"", "c"), BundleHeaders.split("a;b=\"1,2\",c", ','));
    }

    @Test
    void symbolicNameWithoutDirectives() {
        assertEquals("org.echarge.driver.keba", BundleHeaders.symbolicName(" org.echarge.driver.keba;singleton:=true"));
    }
}
