/**
 * Endpoint templating: variable path segments (numbers, stock codes, UUIDs, hex/base64 ids, dates)
 * become slots, user rules win over detection, and a cardinality cap stops ids from exploding into
 * endpoints. Status: arrives with issue #5.
 */
package dev.stampede.model.endpoint;
