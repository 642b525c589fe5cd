package org.echarge.config.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ComponentPropertyTypeTest {

    enum Mode {
        TUNNELING, ROUTING
    }

    @interface Config {
        int port() default 3671;

        double fuseAmpere() default 35;

        boolean enabled() default false;

        Mode mode() default Mode.TUNNELING;

        String[] links() default {};

        String name();

        int count();

        int currentL1_register() default -1;

        String my__name() default "";

        String dash$_$ed() default "";
    }

    @Test
    void missingValuesTakeTheDefaultsOrNothing() {
        Config config = ComponentPropertyType.of(Config.class, Map.of());
        assertEquals(3671, config.port());
        assertEquals(35.0, config.fuseAmpere());
        assertEquals(Mode.TUNNELING, config.mode());
        assertArrayEquals(new String[0], config.links());
        assertNull(config.name());
        assertEquals(0, config.count());
    }

    @Test
    void valuesAreConvertedAsDeclarativeServicesDoes() {
        Config config = ComponentPropertyType.of(Config.class, Map.of("port", "3672", "fuseAmpere", 40,
                "enabled", "true", "mode", "ROUTING", "links", "1=0/0/1", "name", List.of("first", "second"),
                "currentL1.register", 100, "my_name", "x", "dash-ed", "y"));
        assertEquals(3672, config.port());
        assertEquals(40.0, config.fuseAmpere());
        assertTrue(config.enabled());
        assertEquals(Mode.ROUTING, config.mode());
        assertArrayEquals(new String[] {"1=0/0/1"}, config.links());
        assertEquals("first", config.name());
        assertEquals(100, config.currentL1_register());
        assertEquals("x", config.my__name());
        assertEquals("y", config.dash$_$ed());
    }

    @Test
    void aValueThatDoesNotConvertFailsWhenReadNamingTheProperty() {
        Config config = ComponentPropertyType.of(Config.class, Map.of("port", "x", "mode", "SERIAL"));
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class, config::port);
        assertTrue(port.getMessage().startsWith("port: 'x'"), port.getMessage());
        assertThrows(IllegalArgumentException.class, config::mode);
        assertEquals(35.0, config.fuseAmpere());
    }

    @Test
    void propertyNamesFollowTheSpecification() {
        assertEquals("currentL1.register", ComponentPropertyType.propertyName("currentL1_register"));
        assertEquals("a_b", ComponentPropertyType.propertyName("a__b"));
        assertEquals("a-b", ComponentPropertyType.propertyName("a$_$b"));
        assertEquals("ab", ComponentPropertyType.propertyName("a$b"));
        assertEquals("a$b", ComponentPropertyType.propertyName("a$$b"));
    }
}
