package dev.stampede.model.endpoint;

/** A user rule with the endpoints learned through it. */
record FrozenRule(TemplateRule rule, PathTemplate path) {}
