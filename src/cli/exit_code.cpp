#include "cli/exit_code.hpp"

#include <cstdio>

namespace casefile::cli {

int exit_code_for(const Error& error) {
    return error.code == ErrorCode::bad_usage ? kExitBadUsage : kExitBadData;
}

int report_error(const Error& error) {
    std::fprintf(stderr, "%s\n", error.to_string().c_str());
    return exit_code_for(error);
}

int report_diagnostics(const std::vector<Diagnostic>& diagnostics) {
    for (const Diagnostic& d : diagnostics) {
        std::fprintf(stderr, "%s\n", d.to_string().c_str());
    }
    return has_errors(diagnostics) ? kExitBadData : kExitOk;
}

} // namespace casefile::cli
