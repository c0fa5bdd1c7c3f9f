#include "cli/output.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "core/file_io.hpp"

namespace casefile::cli {

Status write_output(const std::string& path, std::string_view data) {
    if (path.empty() || path == "-") {
        if (std::fwrite(data.data(), 1, data.size(), stdout) != data.size() ||
            std::fflush(stdout) != 0) {
            return fail(ErrorCode::io, "cannot write to standard output");
        }
        return {};
    }
    return write_file_atomic(path, data);
}

} // namespace casefile::cli
