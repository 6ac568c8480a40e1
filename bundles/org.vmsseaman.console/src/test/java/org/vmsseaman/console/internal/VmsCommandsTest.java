package org.vmsseaman.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.HistorianPolicy;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.Range;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.tagstore.internal.TagStoreImpl;

/** The tag commands against a real tag store; the alarm and device commands run in ConsoleIT. */
class VmsCommandsTest {

    private final TagStoreImpl store = new TagStoreImpl();
    private final VmsCommands commands = new VmsCommands(store);

    @Test
    void tagsAreListedByGlobWithValueUnitAndQuality() {
        store.define(List.of(tag("me.lube_oil.pressure", "bar"), tag("me.rpm", "rpm"), tag("ge1.load", "kW")));
        store.publish(List.of(TagValue.good("me.lube_oil.pressure", 4.25, 0L)));
        String out = commands.tags("me.*");
        assertThat(out)
                .contains("me.lube_oil.pressure")
                .contains("4.250")
                .contains("bar")
                .contains("GOOD");
        assertThat(out).contains("me.rpm").contains(Quality.BAD_NO_VALUE.name()).doesNotContain("ge1.load");
        assertThat(out).endsWith("2 tag(s)");
        assertThat(commands.tags("*load")).contains("ge1.load").endsWith("1 tag(s)");
        assertThat(commands.tags("me.lube_oil.pres?ure")).endsWith("1 tag(s)");
        assertThat(commands.tags("me.")).isEqualTo(out); // a plain prefix
        assertThat(commands.tags("lube")).endsWith("0 tag(s)");
    }

    @Test
    void oneTagIsShownOrNamedAsUnknown() {
        store.define(List.of(tag("me.lube_oil.pressure", "bar")));
        assertThat(commands.tag("me.lube_oil.pressure"))
                .contains("double [bar]")
                .contains("0.0 .. 10.0");
        assertThat(commands.tag("no.such")).startsWith("no tag 'no.such'");
    }

    @Test
    void withoutTheAlarmEngineOrDeviceBindingTheCommandsSaySo() {
        assertThat(commands.alarms()).isEqualTo("the alarm engine is not running");
        assertThat(commands.ack("x")).isEqualTo("the alarm engine is not running");
        assertThat(commands.devices()).isEqualTo("device binding is not running");
    }

    private static TagDefinition tag(String id, String unit) {
        return new TagDefinition(
                id,
                id,
                "",
                id.substring(0, id.indexOf('.')),
                DataType.DOUBLE,
                unit,
                new Range(0, 10),
                null,
                false,
                HistorianPolicy.DEFAULT,
                Duration.ofSeconds(5),
                List.of());
    }
}
