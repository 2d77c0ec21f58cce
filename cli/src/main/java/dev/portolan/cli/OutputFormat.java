package dev.portolan.cli;

/** The output formats of lookup and search. */
enum OutputFormat {
    /** A readable table, with details for small answers and the data source at the end. */
    table,
    /** A JSON array, one object per (port, transport, registry entry): a stable contract. */
    json,
    /** RFC 4180 CSV with a header line. */
    csv
}
