package dev.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ClassCacheTrainingTest {

    @Test
    void exercisesParseSuccessfullyAndStaysOutOfTheHelp() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.create(new PrintWriter(out), new PrintWriter(err), true).execute("train-class-cache");

        assertThat(exit).as(err.toString()).isZero();

        StringWriter help = new StringWriter();
        Cli.create(new PrintWriter(help), new PrintWriter(new StringWriter()), false)
                .execute("--help");
        assertThat(help.toString()).contains("parse").doesNotContain("train-class-cache");
    }
}
