package org.echarge.knx.internal.link;

import org.echarge.knx.KnxDatapoint;
import org.echarge.knx.internal.DatapointCodec;

import tuwien.auto.calimero.DetachEvent;
import tuwien.auto.calimero.KNXException;
import tuwien.auto.calimero.dptxlator.DPTXlator4ByteFloat;
import tuwien.auto.calimero.process.ProcessEvent;
import tuwien.auto.calimero.process.ProcessListener;

/** Group values for the tests with Calimero's process communication on the other side. */
final class Telegrams {

    private Telegrams() {
    }

    /** Records the writes and responses a process communicator receives. */
    static ProcessListener recording(Recorder<ProcessEvent> events) {
        return new ProcessListener() {
            @Override
            public void groupWrite(ProcessEvent e) {
                events.accept(e);
            }

            @Override
            public void groupReadRequest(ProcessEvent e) {
            }

            @Override
            public void groupReadResponse(ProcessEvent e) {
                events.accept(e);
            }

            @Override
            public void detached(DetachEvent e) {
            }
        };
    }

    /** A current as DPT 14.019 for Calimero's process communicator. */
    static DPTXlator4ByteFloat ampere(double value) throws KNXException {
        DPTXlator4ByteFloat t = new DPTXlator4ByteFloat(DPTXlator4ByteFloat.DPT_ELECTRIC_CURRENT);
        t.setValue(value);
        return t;
    }

    /** A current as DPT 14.019 in the gateway's form. */
    static byte[] ampereAsdu(double value) {
        try {
            return DatapointCodec.encode(KnxDatapoint.CURRENT_AMPERE_F32, value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
