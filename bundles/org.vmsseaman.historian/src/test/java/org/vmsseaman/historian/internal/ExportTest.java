package org.vmsseaman.historian.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vmsseaman.historian.internal.Fixture.T0;
import static org.vmsseaman.historian.internal.ThreeTags.A;
import static org.vmsseaman.historian.internal.ThreeTags.ALL;
import static org.vmsseaman.historian.internal.ThreeTags.B;
import static org.vmsseaman.historian.internal.ThreeTags.FROM;
import static org.vmsseaman.historian.internal.ThreeTags.HOUR;
import static org.vmsseaman.historian.internal.ThreeTags.MINUTE;
import static org.vmsseaman.historian.internal.ThreeTags.RUN;
import static org.vmsseaman.historian.internal.ThreeTags.SILENT;
import static org.vmsseaman.historian.internal.ThreeTags.TO;
import static org.vmsseaman.historian.internal.ThreeTags.at;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmsseaman.api.historian.Aggregate;
import org.vmsseaman.api.historian.Bucket;
import org.vmsseaman.api.historian.ExportFormat;
import org.vmsseaman.api.historian.ExportRequest;
import org.vmsseaman.api.historian.ExportTooLargeException;
import org.vmsseaman.api.historian.Sample;
import org.vmsseaman.api.tag.Quality;
import org.vmsseaman.api.tag.TagValue;

/**
 * CSV and Parquet exports read back (CSV parsed here, Parquet with DuckDB's {@code read_parquet}) hold exactly
 * what {@code raw} and {@code aggregate} answer, and leave no temporary file behind.
 */
class ExportTest {

    private static final long RANGE_FROM = T0 - 30 * MINUTE + 123;
    private static final long RANGE_TO = T0 + HOUR + 456;
    private static final List<String> TAGS = List.of(RUN, A, SILENT, B);

    @TempDir
    Path dir;

    @TempDir
    Path out;

    private Fixture f;

    @BeforeEach
    void record() {
        f = ThreeTags.record(dir.resolve("historian.duckdb"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void csvHoldsEverySampleOfRawInTagThenTimeOrder() throws Exception {
        f.historian.runMaintenance(); // half of it compacted, rolled up and sorted; the rest not
        ExportRequest request = ExportRequest.raw(TAGS, at(RANGE_FROM), at(RANGE_TO), ExportFormat.CSV);

        List<String> lines = csvLines(request);

        assertThat(lines.get(0)).isEqualTo("tag,time,value,bool,quality");
        List<Sample> expected = new ArrayList<>();
        List<String> expectedTags = new ArrayList<>();
        for (String id : List.of(A, B, RUN)) { // by tag id
            List<Sample> samples = f.historian.raw(id, at(RANGE_FROM), at(RANGE_TO), 1_000_000, false);
            expected.addAll(samples);
            samples.forEach(s -> expectedTags.add(id));
        }
        assertThat(lines).hasSize(expected.size() + 1);
        assertThat(expected).extracting(Sample::quality).contains(Quality.GOOD, Quality.BAD_STALE);
        for (int i = 0; i < expected.size(); i++) {
            String[] c = lines.get(i + 1).split(",", -1);
            assertThat(c).as("line %d: %s", i + 2, lines.get(i + 1)).hasSize(5);
            assertThat(c[0]).isEqualTo(expectedTags.get(i));
            assertThat(c[1]).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
            Sample s = new Sample(
                    micros(Instant.parse(c[1])),
                    c[2].isEmpty() ? null : Double.parseDouble(c[2]),
                    c[3].isEmpty() ? null : Boolean.parseBoolean(c[3]),
                    Quality.valueOf(c[4]));
            assertThat(s).as("line %d", i + 2).isEqualTo(expected.get(i));
        }
    }

    @Test
    void parquetHoldsEverySampleOfRawWithUtcTimestamps() throws Exception {
        Path file = exportToFile(ExportRequest.raw(TAGS, at(FROM), at(TO), ExportFormat.PARQUET));

        try (Connection duck = new DuckDBDriver().connect("jdbc:duckdb:", new Properties())) {
            assertThat(column(duck, file, "typeof(time)")).containsOnly("TIMESTAMP WITH TIME ZONE");
            assertThat(column(duck, file, "typeof(value)")).containsOnly("DOUBLE");
            for (String id : List.of(A, B, RUN)) {
                List<Sample> read = new ArrayList<>();
                try (PreparedStatement ps = duck.prepareStatement("SELECT epoch_us(time), value, bool, quality FROM"
                        + " read_parquet(?) WHERE tag = ? ORDER BY time")) {
                    ps.setString(1, file.toString());
                    ps.setString(2, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Double v = Queries.nullableDouble(rs, 2);
                            boolean bool = rs.getBoolean(3);
                            Boolean b = rs.wasNull() ? null : bool;
                            read.add(new Sample(rs.getLong(1), v, b, Quality.valueOf(rs.getString(4))));
                        }
                    }
                }
                assertThat(read).as(id).isEqualTo(f.all(id)).hasSizeGreaterThan(20);
            }
            assertThat(column(duck, file, "DISTINCT tag")).containsExactlyInAnyOrder(A, B, RUN);
        }
    }

    @Test
    void bucketsExportTheChosenAggregatesOfAggregate() throws Exception {
        Duration interval = Duration.ofMinutes(10);
        ExportRequest csv = ExportRequest.raw(TAGS, at(RANGE_FROM), at(RANGE_TO), ExportFormat.CSV)
                .inBuckets(interval, EnumSet.of(Aggregate.COUNT, Aggregate.AVG, Aggregate.LAST, Aggregate.GOOD_SHARE));

        List<String> lines = csvLines(csv);

        assertThat(lines.get(0)).isEqualTo("tag,start,end,count,avg,last,good_share");
        List<String> expected = new ArrayList<>();
        for (String id : List.of(A, B, RUN)) {
            for (Bucket b : f.historian.aggregate(id, at(RANGE_FROM), at(RANGE_TO), interval)) {
                expected.add(id + "," + TagValue.toInstant(b.start()) + "," + TagValue.toInstant(b.end()) + ","
                        + b.count() + "," + b.avg() + "," + b.last() + "," + b.goodShare());
            }
        }
        List<String> actual = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            actual.add(c[0] + "," + Instant.parse(c[1]) + "," + Instant.parse(c[2]) + "," + Long.parseLong(c[3]) + ","
                    + Double.valueOf(c[4]) + "," + Double.valueOf(c[5]) + "," + Double.valueOf(c[6]));
        }
        assertThat(actual).isEqualTo(expected).hasSizeGreaterThan(20);

        Path parquet = exportToFile(new ExportRequest(
                TAGS,
                at(FROM),
                at(TO),
                Duration.ofHours(1),
                EnumSet.allOf(Aggregate.class),
                ExportFormat.PARQUET,
                100));
        try (Connection duck = new DuckDBDriver().connect("jdbc:duckdb:", new Properties())) {
            assertThat(column(
                            duck,
                            parquet,
                            "tag || ' ' || epoch_us(start) || ' ' || \"count\" || ' ' || \"min\""
                                    + " || ' ' || \"max\" || ' ' || \"first\""))
                    .containsExactlyInAnyOrderElementsOf(hourly(List.of(A, B, RUN)));
        }
    }

    @Test
    void anExportAboveItsRowLimitWritesNothing() throws Exception {
        long rows = f.historian.raw(A, at(FROM), at(TO), 1_000_000, false).size();
        ExportRequest request = ExportRequest.raw(List.of(A), at(FROM), at(TO), ExportFormat.CSV);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        assertThatThrownBy(() -> f.historian.export(request.withMaxRows(rows - 1), bytes))
                .isInstanceOfSatisfying(ExportTooLargeException.class, e -> {
                    assertThat(e.rows()).isEqualTo(rows);
                    assertThat(e.maxRows()).isEqualTo(rows - 1);
                })
                .hasMessageContaining("more than the limit of " + (rows - 1));
        assertThat(bytes.size()).isZero();
        assertThat(leftovers()).isEmpty();

        assertThat(f.historian.export(request.withMaxRows(rows), bytes)).isEqualTo(rows);
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).hasSize((int) rows + 1);
    }

    @Test
    void theTemporaryFileIsDeletedAlsoWhenTheClientFailsAndLeftoversGoAtStart() throws Exception {
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("client went away");
            }
        };
        ExportRequest request = ExportRequest.raw(ALL, at(FROM), at(TO), ExportFormat.PARQUET);
        assertThatThrownBy(() -> f.historian.export(request, failing)).hasMessageContaining("client went away");
        assertThat(leftovers()).isEmpty();

        Files.writeString(dir.resolve(Export.PREFIX + "123.csv"), "left by a crash");
        f.restart();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void tagsWithoutHistoryGiveAHeaderOnly() throws Exception {
        ExportRequest request = ExportRequest.raw(List.of(SILENT, "no.such"), at(FROM), at(TO), ExportFormat.CSV);

        assertThat(csvLines(request)).containsExactly("tag,time,value,bool,quality");
    }

    private List<String> hourly(List<String> ids) {
        List<String> result = new ArrayList<>();
        for (String id : ids) {
            for (Bucket b : f.historian.aggregate(id, at(FROM), at(TO), Duration.ofHours(1))) {
                result.add(id + " " + b.start() + " " + b.count() + " " + b.min() + " " + b.max() + " " + b.first());
            }
        }
        return result;
    }

    private List<String> csvLines(ExportRequest request) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long rows = f.historian.export(request, bytes);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize((int) rows + 1);
        assertThat(leftovers()).isEmpty();
        return lines;
    }

    private Path exportToFile(ExportRequest request) throws IOException {
        Path file = out.resolve("export." + request.format().extension());
        try (OutputStream o = Files.newOutputStream(file)) {
            assertThat(f.historian.export(request, o)).isPositive();
        }
        assertThat(leftovers()).isEmpty();
        return file;
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(Export.PREFIX))
                    .toList();
        }
    }

    private static List<String> column(Connection duck, Path file, String expression) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = duck.prepareStatement("SELECT " + expression + " FROM read_parquet(?)")) {
            ps.setString(1, file.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    private static long micros(Instant t) {
        return Queries.micros(t);
    }
}
