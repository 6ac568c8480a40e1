package org.vmsseaman.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/** The Karaf features (checked by karaf:verify) list exactly the bundles the distribution ships. */
public class FeaturesMatchDistributionIT {

    private static final Pattern BUNDLE = Pattern.compile("<bundle[^>]*>mvn:([^/]+)/([^/]+)/([^/<]+)</bundle>");

    @Test
    public void featuresAndDistributionListTheSameBundles() throws IOException {
        Path dist = Path.of(System.getProperty("vmsseaman.dist", "../distribution/target/vmsseaman"));
        Path features =
                dist.resolve("../../../features/target/feature/feature.xml").normalize();
        assertTrue("generated features file at " + features, Files.exists(features));

        Set<String> fromFeatures = new TreeSet<>();
        Matcher m = BUNDLE.matcher(Files.readString(features));
        while (m.find()) {
            fromFeatures.add(m.group(2) + "-" + m.group(3).replace(".SNAPSHOT", "-SNAPSHOT") + ".jar");
        }
        Set<String> shipped = new TreeSet<>();
        for (String folder : new String[] {"bundle", "deploy"}) {
            try (Stream<Path> jars = Files.list(dist.resolve(folder))) {
                jars.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".jar"))
                        // the distribution's DuckDB driver is the features' jar without its native libraries
                        .map(n -> n.replace("-nolib.jar", ".jar"))
                        .forEach(shipped::add);
            }
        }
        assertTrue("bundles found in the features file", fromFeatures.size() > 60);
        assertEquals(
                "features/src/main/feature/feature.xml and distribution/pom.xml must list the same bundles",
                shipped,
                fromFeatures);
    }
}
