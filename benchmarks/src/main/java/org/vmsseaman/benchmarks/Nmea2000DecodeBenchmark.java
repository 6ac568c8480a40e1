package org.vmsseaman.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vmsseaman.api.device.BoundTag;
import org.vmsseaman.api.tag.DataType;
import org.vmsseaman.api.tag.TagDefinition;
import org.vmsseaman.api.tag.TagValue;
import org.vmsseaman.driver.nmea2000.internal.binding.BindingCompiler;
import org.vmsseaman.driver.nmea2000.internal.binding.FieldBinding;
import org.vmsseaman.driver.nmea2000.internal.bus.BusDecoder;
import org.vmsseaman.driver.nmea2000.internal.can.LineSplitter;
import org.vmsseaman.driver.nmea2000.internal.pgn.Field;
import org.vmsseaman.driver.nmea2000.internal.pgn.PgnCatalog;
import org.vmsseaman.driver.nmea2000.internal.pgn.PgnLayout;
import org.vmsseaman.tagstore.internal.TagStoreImpl;

/**
 * NMEA 2000 driver throughput: frames per second from recorded text (Yacht Devices RAW and candump) through
 * line parsing, fast-packet reassembly and field decoding into the real tag store ({@link TagStoreImpl}),
 * read in 64 KiB chunks with one published batch per chunk, as the driver's reading thread does. Every field
 * of every decoded PGN is bound to a tag. Three passes over the same bytes give the split: (1) parse lines
 * only, (2) parse and decode, (3) parse, decode and publish. Medians of {@code --repeats} runs.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar org.vmsseaman.benchmarks.Nmea2000DecodeBenchmark
 * [--frames 2000000] [--repeats 5] [--data ../shared/data/nmea2000]}
 */
public final class Nmea2000DecodeBenchmark {

    private static final int CHUNK = 64 * 1024;
    private static final String[] FILES = {"merrimac-ydwg-2020.raw", "candumpSample3.txt"};

    private Nmea2000DecodeBenchmark() {}

    public static void main(String[] args) throws Exception {
        HistorianBench.quietLogging();
        HistorianBench.Options o = new HistorianBench.Options(
                args,
                "Nmea2000DecodeBenchmark: frames/s from recorded RAW and candump text to tag-store updates",
                "frames",
                "2000000",
                "frames per run (the recordings repeated)",
                "repeats",
                "5",
                "runs of each pass",
                "data",
                "",
                "folder of the recordings (default: shared/data/nmea2000 found above the working directory)");
        Path folder = o.text("data").isEmpty() ? findData() : Path.of(o.text("data"));
        byte[] text = input(folder, o.number("frames"));
        int repeats = (int) o.number("repeats");
        List<BoundTag> tags = everyField();
        System.out.printf(
                "input: %s repeated to %,d lines (%,.1f MB); %d tags bound (every field of %d PGNs); %d runs%n",
                String.join(" + ", FILES),
                lines(text),
                text.length / 1e6,
                tags.size(),
                PgnCatalog.standard().layouts().size(),
                repeats);
        MachineLoad load = new MachineLoad();
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        double[] parse = new double[repeats];
        double[] decode = new double[repeats];
        double[] full = new double[repeats];
        long frames = 0;
        long values = 0;
        for (int r = -1; r < repeats; r++) { // run -1 warms up
            Result p = run(text, tags, Pass.PARSE);
            Result d = run(text, tags, Pass.DECODE);
            Result f = run(text, tags, Pass.PUBLISH);
            if (r >= 0) {
                parse[r] = p.seconds;
                decode[r] = d.seconds;
                full[r] = f.seconds;
                frames = f.frames;
                values = f.values;
                System.out.printf(
                        "run %d: parse %.3f s, parse+decode %.3f s, parse+decode+publish %.3f s: %,.0f frames/s%n",
                        r + 1, p.seconds, d.seconds, f.seconds, f.frames / f.seconds);
            }
        }
        double mp = HistorianBench.median(parse);
        double md = HistorianBench.median(decode);
        double mf = HistorianBench.median(full);
        MachineLoad.Result machine = load.stop();
        System.out.printf(
                "%nmedian: %,.0f frames/s end to end (%,d frames -> %,d tag updates per run, %,.0f updates/s)%n",
                frames / mf, frames, values, values / mf);
        System.out.printf(
                "time share: parsing %.0f %%, decoding %.0f %%, tag store %.0f %%; parse only %,.0f frames/s,"
                        + " parse+decode %,.0f frames/s%n",
                100 * mp / mf, 100 * (md - mp) / mf, 100 * (mf - md) / mf, frames / mp, frames / md);
        System.out.printf(
                "target >= 500,000 frames/s: %s | load average before %s, after %s | all cores busy %.0f %%,"
                        + " CPU pressure %.0f %%%n",
                frames / mf >= 500_000 ? "met" : "NOT met",
                loadBefore,
                Files.readString(Path.of("/proc/loadavg")).trim(),
                machine.busyPercent(),
                machine.pressurePercent());
    }

    private enum Pass {
        PARSE,
        DECODE,
        PUBLISH
    }

    private record Result(double seconds, long frames, long values) {}

    private static Result run(byte[] text, List<BoundTag> tags, Pass pass) {
        PgnCatalog catalog = PgnCatalog.standard();
        List<FieldBinding> bindings = new BindingCompiler(catalog).compile(tags, (t, m) -> {
            throw new IllegalStateException(t + ": " + m);
        });
        BusDecoder decoder = new BusDecoder(catalog, bindings, null);
        long[] parsed = new long[1];
        LineSplitter splitter =
                pass == Pass.PARSE ? new LineSplitter(f -> parsed[0]++) : new LineSplitter(decoder::frame);
        TagStoreImpl store = new TagStoreImpl();
        store.define(tags.stream().map(BoundTag::definition).toList());
        long values = 0;
        long start = System.nanoTime();
        for (int off = 0; off < text.length; off += CHUNK) {
            splitter.accept(text, off, Math.min(CHUNK, text.length - off));
            List<TagValue> batch = decoder.drain();
            values += batch.size();
            if (pass == Pass.PUBLISH && !batch.isEmpty()) {
                store.publish(batch);
            }
        }
        splitter.endOfInput();
        double seconds = (System.nanoTime() - start) / 1e9;
        store.close();
        if (splitter.malformed() != 0) {
            throw new IllegalStateException(splitter.malformed() + " malformed lines: result invalid");
        }
        return new Result(seconds, pass == Pass.PARSE ? parsed[0] : decoder.frames(), values);
    }

    /** Every field of every decoded PGN as a double tag without unit. */
    private static List<BoundTag> everyField() {
        List<BoundTag> tags = new ArrayList<>();
        for (PgnLayout l : PgnCatalog.standard().layouts()) {
            for (Field f : l.allFields()) {
                String id = "n2k.p" + l.pgn() + "." + f.name().toLowerCase();
                tags.add(new BoundTag(
                        new TagDefinition(
                                id, null, null, "n2k", DataType.DOUBLE, "", null, null, false, null, null, null),
                        java.util.Map.of("pgn", l.pgn(), "field", f.name())));
            }
        }
        return tags;
    }

    /** The recordings' frame lines (comments dropped), repeated to about {@code frames} lines. */
    private static byte[] input(Path folder, long frames) throws IOException {
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        for (String f : FILES) {
            for (String line : Files.readAllLines(folder.resolve(f))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    one.write((line + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
            }
        }
        byte[] unit = one.toByteArray();
        long perUnit = lines(unit);
        int copies = (int) Math.max(1, frames / perUnit);
        byte[] all = new byte[unit.length * copies];
        for (int i = 0; i < copies; i++) {
            System.arraycopy(unit, 0, all, i * unit.length, unit.length);
        }
        return all;
    }

    private static long lines(byte[] text) {
        long n = 0;
        for (byte b : text) {
            n += b == '\n' ? 1 : 0;
        }
        return n;
    }

    private static Path findData() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/nmea2000");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/data/nmea2000 above the working directory: pass --data");
    }
}
