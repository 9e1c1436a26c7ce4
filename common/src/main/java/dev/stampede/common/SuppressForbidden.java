package dev.stampede.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets the annotated element use an API that {@code build-support/forbidden-timing.txt} bans (the
 * system clock, sleeping). The build's forbiddenapis check honours it; reviewers should not, unless
 * {@link #reason()} convinces them.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface SuppressForbidden {
    /** Why this element must reach the forbidden API directly. */
    String reason();
}
