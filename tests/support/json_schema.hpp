// Test support: JSON Schema (draft 2020-12) validation through ajv, run by node from
// tests/tools (installed by scripts/setup with npm ci). A missing node or ajv is a test failure
// that says how to fix it, never a skip.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace casefile::testing {

struct SchemaCheck {
    bool ok = false;
    std::string output; ///< the validator's report (one line per problem, then a summary)
};

/// Validates every object of the STIX 2.1 bundle in `bundle` (JSON text) against the official
/// schema of its type, the bundle envelope against common/bundle.json, and that every *_ref
/// resolves inside the bundle.
SchemaCheck validate_stix_bundle(const std::string& bundle);

/// validate_stix_bundle for several bundles in one validator run.
SchemaCheck validate_stix_bundles(const std::vector<std::string>& bundles);

/// Validates the JSON document `json` against the schema file `schema`.
SchemaCheck validate_json(const std::filesystem::path& schema, const std::string& json);

/// validate_json for several documents in one validator run.
SchemaCheck validate_json_documents(const std::filesystem::path& schema,
                                    const std::vector<std::string>& documents);

} // namespace casefile::testing
