/**
 * Scenario files: what {@code stampede run SCENARIO.yaml -o RESULT_DIR} runs. {@link
 * dev.stampede.engine.scenario.ScenarioLoader} reads a file into a typed, immutable {@link
 * dev.stampede.engine.scenario.Scenario} (sources {@link dev.stampede.engine.scenario.ReplaySource},
 * {@link dev.stampede.engine.scenario.ModelSource}, {@link dev.stampede.engine.scenario.UrlSource};
 * {@link dev.stampede.engine.scenario.Rewrite}, {@link dev.stampede.engine.scenario.Marks}); {@link
 * dev.stampede.engine.scenario.Scenario.Builder} builds one from command-line flags, alone or on top of a
 * file, with the same checks. The format is documented in {@code docs/scenario.md}.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li><b>The whole file before anything is sent.</b> Loading reads every field and reports every
 *       problem (up to {@link dev.stampede.engine.scenario.ScenarioException#MAX_SHOWN}) in one {@link
 *       dev.stampede.engine.scenario.ScenarioException}, one line each: {@code FILE:LINE:COLUMN:
 *       field.path: what is wrong (what is expected)}. A value from a flag is named by the flag.
 *   <li><b>One problem per field.</b> A value that does not parse is not also reported as missing or
 *       out of range.
 *   <li><b>Strict.</b> Unknown keys are errors (with the closest known key as a suggestion); values have
 *       types (a quoted {@code "5"} is no number, a bare {@code 10} no duration); exactly one source.
 *   <li><b>Resolved.</b> Paths are absolute (a file's relative paths start at its directory) and must
 *       exist; regexes are compiled; durations are {@link java.time.Duration}s; defaults are applied.
 *   <li><b>Jackson, not SnakeYAML.</b> YAML is read with Jackson's YAML parser; its token locations give
 *       each value's line and column ({@code JsonNode} keeps none). Aliases are refused (Jackson does not
 *       resolve them).
 * </ul>
 *
 * <h2>Threading and allocation</h2>
 *
 * Loading runs once, before a run, on the calling thread; none of it is on the hot path. The scenario
 * and its parts are immutable and may be shared between threads; builders are not thread-safe.
 */
package dev.stampede.engine.scenario;
