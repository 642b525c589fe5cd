package org.echarge.driver.simulated.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;

import org.echarge.api.charger.ChargerSnapshot;
import org.echarge.api.point.PointState;
import org.echarge.modbus.RegisterText;
import org.junit.jupiter.api.Test;

/** Seed the input registers as the SIM-1 map lays them out, decode once, check the snapshot. */
class SimulatedChargerSnapshotTest {

    private final int[] block = new int[SimulatedRegisters.INPUT_BLOCK_LENGTH];

    @Test
    void decodesAChargingStation() {
        put(0, 0xEC01);
        put(2, RegisterText.encode("SIM1-000042", 10, RegisterText.ByteOrder.HIGH_FIRST));
        put(12, RegisterText.encode("1.4.2", 8, RegisterText.ByteOrder.HIGH_FIRST));
        put(20, 3);             // IEC 61851 C
        put(21, 1);             // charging
        put(23, 160);           // 16.0 A in force
        put(24, 15200, 15100, 15000);
        put(30, 0x0000, 10442); // 10442 W
        put(32, 3496, 3473, 3450);
        put(35, 0x0001, 0x86A0); // 100000 Wh
        put(37, 0x0000, 2500);
        put(39, 0xFF9C);        // -10.0 °C
        put(40, 0x04A2, 0xB1C3);
        put(42, RegisterText.encode("EVCC0A1B2C3D4E5F", 8, RegisterText.ByteOrder.HIGH_FIRST));

        ChargerSnapshot snapshot = SimulatedCharger.snapshot(block, Instant.EPOCH);

        assertEquals(PointState.CHARGE, snapshot.state());
        assertEquals(true, snapshot.vehicleConnected());
        assertEquals(true, snapshot.charging());
        assertEquals(16.0, snapshot.setpointAmpere(), 1e-9);
        assertEquals(15.2, snapshot.currentAmpere().l1(), 1e-9);
        assertEquals(15.0, snapshot.currentAmpere().l3(), 1e-9);
        assertEquals(45.3, snapshot.currentAmpere().total(), 1e-9);
        assertEquals(10442, snapshot.powerWatt().total(), 1e-9);
        assertEquals(3473, snapshot.powerWatt().l2(), 1e-9);
        assertEquals(100000, snapshot.energyWattHour().total(), 1e-9);
        assertEquals(2500, snapshot.sessionEnergyWattHour(), 1e-9);
        assertEquals(-10.0, snapshot.temperatureCelsius(), 1e-9);
        assertEquals("SIM1-000042", snapshot.serialNumber());
        assertEquals("1.4.2", snapshot.firmwareVersion());
        assertEquals("04A2B1C3", snapshot.rfidTag());
        assertEquals("EVCC0A1B2C3D4E5F", snapshot.evccId());
        assertEquals(List.of(), snapshot.errorCodes());
    }

    @Test
    void decodesAnIdleStationWithAnError() {
        put(0, 0xEC01);
        put(20, 6);     // IEC 61851 F
        put(21, 4);
        put(22, 0x0103);

        ChargerSnapshot snapshot = SimulatedCharger.snapshot(block, Instant.EPOCH);

        assertEquals(PointState.ERROR, snapshot.state());
        assertEquals(false, snapshot.vehicleConnected());
        assertEquals(List.of(0x0103L), snapshot.errorCodes());
        assertNull(snapshot.rfidTag());
        assertNull(snapshot.evccId());
    }

    private void put(int address, int... words) {
        System.arraycopy(words, 0, block, address, words.length);
    }
}
