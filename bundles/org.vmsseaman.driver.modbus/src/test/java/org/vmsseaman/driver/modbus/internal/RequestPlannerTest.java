package org.vmsseaman.driver.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestPlannerTest {

    private static ReadBlock.Item item(String id, Table table, int address, ValueType type) {
        return new ReadBlock.Item(id, new TagAddress(table, address, type, 0, 0, false, false, 1, 0, ""));
    }

    private static ReadBlock.Item reg(String id, int address, ValueType type) {
        return item(id, Table.HOLDING_REGISTER, address, type);
    }

    @Test
    void contiguousRegistersBecomeOneRequestAndTablesStaySeparate() {
        List<ReadBlock> blocks = RequestPlanner.plan(
                List.of(
                        reg("c", 4, ValueType.FLOAT32),
                        reg("a", 0, ValueType.UINT16),
                        reg("b", 1, ValueType.INT32),
                        reg("d", 3, ValueType.UINT16), // overlaps b's second register: shares the request
                        item("x", Table.INPUT_REGISTER, 0, ValueType.UINT16),
                        item("y", Table.COIL, 7, ValueType.BOOL),
                        item("z", Table.COIL, 8, ValueType.BOOL)),
                125,
                2000,
                0);
        assertThat(blocks)
                .extracting(ReadBlock::toString)
                .containsExactly("coil 7..8", "holding_register 0..5", "input_register 0..0");
        assertThat(blocks.get(1).tagIds()).containsExactly("a", "b", "d", "c");
    }

    @Test
    void aGapSplitsUnlessTheConfiguredGapAllowsIt() {
        List<ReadBlock.Item> items = List.of(reg("a", 0, ValueType.UINT16), reg("b", 5, ValueType.UINT16));
        assertThat(RequestPlanner.plan(items, 125, 2000, 0)).hasSize(2);
        assertThat(RequestPlanner.plan(items, 125, 2000, 3)).hasSize(2);
        List<ReadBlock> merged = RequestPlanner.plan(items, 125, 2000, 4);
        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).count()).isEqualTo(6);
    }

    @Test
    void requestsRespectThe125RegisterAnd2000CoilLimits() {
        List<ReadBlock.Item> regs = new ArrayList<>();
        List<ReadBlock.Item> coils = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            regs.add(reg("r" + i, i, ValueType.UINT16));
        }
        for (int i = 0; i < 4500; i++) {
            coils.add(item("c" + i, Table.COIL, i, ValueType.BOOL));
        }
        List<ReadBlock> r = RequestPlanner.plan(regs, 125, 2000, 0);
        assertThat(r).extracting(ReadBlock::count).containsExactly(125, 125, 50);
        List<ReadBlock> c = RequestPlanner.plan(coils, 125, 2000, 0);
        assertThat(c).extracting(ReadBlock::count).containsExactly(2000, 2000, 500);
        assertThat(RequestPlanner.plan(regs, 100, 2000, 0)).hasSize(3);
    }

    @Test
    void aValueIsNeverSplitAcrossTwoRequests() {
        List<ReadBlock.Item> items = new ArrayList<>();
        for (int i = 0; i < 62; i++) {
            items.add(reg("f" + i, 2 * i, ValueType.FLOAT32)); // 124 registers
        }
        items.add(reg("last", 124, ValueType.FLOAT64)); // would end at 128
        List<ReadBlock> blocks = RequestPlanner.plan(items, 125, 2000, 0);
        assertThat(blocks)
                .extracting(ReadBlock::toString)
                .containsExactly("holding_register 0..123", "holding_register 124..127");
    }
}
