#include "cli/line_filter.hpp"

#include <cstdio>

#include "cli/exit_code.hpp"
#include "ioc/chunk_reader.hpp"

namespace casefile::cli {

int filter_stdin(const std::function<std::string(std::string_view)>& transform) {
    auto reader = ioc::ChunkReader::open("-");
    if (!reader) {
        return report_error(reader.error());
    }
    while (true) {
        auto chunk = reader->next();
        if (!chunk) {
            return report_error(chunk.error());
        }
        if (chunk->empty()) {
            return kExitOk;
        }
        const std::string out = transform(*chunk);
        if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() ||
            std::fflush(stdout) != 0) {
            return report_error(Error{ErrorCode::io, "cannot write to standard output",
                                      "check whether the reading end of the pipe closed",
                                      std::nullopt});
        }
    }
}

} // namespace casefile::cli
