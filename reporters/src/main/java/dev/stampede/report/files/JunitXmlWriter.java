package dev.stampede.report.files;

import dev.stampede.common.files.ResultFiles;
import dev.stampede.engine.measure.RunInfo;
import dev.stampede.report.model.RunResults;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@code junit.xml}: the run's {@link RunChecks} as JUnit test results, so any CI (Jenkins,
 * GitLab, GitHub Actions' test reporters) shows each SLO and run check as a passed, failed or skipped
 * test. One {@code testsuite} named after the scenario; one {@code testcase} per check, class name {@code
 * stampede.slo} or {@code stampede.run}; a failure's {@code message} is the check's one line, a passed
 * check's line is its {@code system-out}. The suite's {@code timestamp} is the run's start (UTC) and its
 * {@code time} the run's duration in seconds; test cases take no time.
 *
 * <p>The same results give the same bytes: it can be compared with a golden file.
 */
public final class JunitXmlWriter {

    /** The file name in the result directory. */
    public static final String FILE_NAME = "junit.xml";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private JunitXmlWriter() {}

    /** Writes {@code junit.xml} into the results' directory, replacing it whole. */
    public static Path write(RunResults results) throws IOException {
        return ResultFiles.replace(results.directory().resolve(FILE_NAME), toXml(results));
    }

    /** The XML text, ending with a newline. */
    public static String toXml(RunResults results) {
        List<Check> checks = RunChecks.of(results);
        long failures =
                checks.stream().filter(c -> c.verdict() == Verdict.FAILED).count();
        long skipped =
                checks.stream().filter(c -> c.verdict() == Verdict.SKIPPED).count();
        RunInfo run = results.run().orElse(null);
        String seconds = String.format(
                Locale.ROOT,
                "%.3f",
                run != null ? (run.endEpochMillis() - run.startEpochMillis()) / 1e3 : results.endSeconds());
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            counts(xml, "stampede", checks.size(), failures, skipped, seconds);
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            counts(
                    xml,
                    "stampede " + (run != null ? run.scenario() : "run"),
                    checks.size(),
                    failures,
                    skipped,
                    seconds);
            xml.writeAttribute(
                    "timestamp",
                    TIMESTAMP.format(
                            Instant.ofEpochMilli(run != null ? run.startEpochMillis() : results.startEpochMillis())));
            properties(xml, results, run);
            for (Check check : checks) {
                testCase(xml, check);
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot happen writing to a string", e);
        }
        return text.append('\n').toString();
    }

    private static void counts(XMLStreamWriter xml, String name, int tests, long failures, long skipped, String time)
            throws XMLStreamException {
        xml.writeAttribute("name", clean(name));
        xml.writeAttribute("tests", Integer.toString(tests));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Long.toString(skipped));
        xml.writeAttribute("time", time);
    }

    private static void properties(XMLStreamWriter xml, RunResults results, RunInfo run) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        if (run != null) {
            property(xml, "runId", run.runId());
            property(xml, "scenario", run.scenario());
            property(xml, "target", run.target());
            property(xml, "mode", run.mode().jsonName());
        }
        property(xml, "complete", Boolean.toString(results.complete()));
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", clean(value));
    }

    private static void testCase(XMLStreamWriter xml, Check check) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "stampede." + check.group());
        xml.writeAttribute("name", clean(check.name()));
        xml.writeAttribute("time", "0");
        xml.writeCharacters("\n      ");
        switch (check.verdict()) {
            case FAILED -> {
                xml.writeStartElement("failure");
                xml.writeAttribute("type", check.group() + " check failed");
                xml.writeAttribute("message", clean(check.message()));
                xml.writeCharacters(clean(check.message()));
                xml.writeEndElement();
            }
            case SKIPPED -> {
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", clean(check.message()));
            }
            case PASSED -> {
                xml.writeStartElement("system-out");
                xml.writeCharacters(clean(check.message()));
                xml.writeEndElement();
            }
        }
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    /** Without the control characters XML 1.0 cannot hold (a guard's name comes from a scenario file). */
    private static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 && c != '\t' ? ' ' : c);
        }
        return out.toString();
    }
}
