#include "core/file_io.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <zlib.h>

namespace casefile {
namespace fs = std::filesystem;

namespace {

Result<std::string> read_gzip(const fs::path& path) {
    gzFile file = gzopen(path.c_str(), "rb");
    if (file == nullptr) {
        return fail(ErrorCode::io,
                    fmt::format("cannot open '{}': {}", path.string(), std::strerror(errno)));
    }
    std::string out;
    char buffer[1 << 16];
    int n = 0;
    while ((n = gzread(file, buffer, sizeof buffer)) > 0) {
        out.append(buffer, static_cast<size_t>(n));
    }
    int code = Z_OK;
    // gzerror's text belongs to the gzFile: copy it before gzclose frees it.
    const std::string message = gzerror(file, &code);
    gzclose(file);
    if (n < 0 || (code != Z_OK && code != Z_STREAM_END)) {
        return fail(ErrorCode::io,
                    fmt::format("'{}' is not a readable gzip file: {}", path.string(), message),
                    "check that the file was copied completely");
    }
    return out;
}

} // namespace

Result<std::string> read_file(const fs::path& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        return fail(ErrorCode::io, fmt::format("'{}' is a directory, not a file", path.string()));
    }
    if (path.extension() == ".gz") {
        return read_gzip(path);
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int saved = errno;
        const ErrorCode code = saved == ENOENT ? ErrorCode::not_found : ErrorCode::io;
        return fail(code, fmt::format("cannot read '{}': {}", path.string(), std::strerror(saved)));
    }
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) {
        return fail(ErrorCode::io, fmt::format("error while reading '{}'", path.string()));
    }
    return data;
}

Status write_file_atomic(const fs::path& path, std::string_view data) {
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::random_device rd;
    const fs::path temp = dir / fmt::format(".{}.tmp-{:08x}", path.filename().string(), rd());
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        return fail(ErrorCode::io,
                    fmt::format("cannot create '{}': {}", temp.string(), std::strerror(errno)),
                    "check that the folder exists and is writable");
    }
    size_t written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            const int saved = errno;
            ::close(fd);
            ::unlink(temp.c_str());
            return fail(ErrorCode::io,
                        fmt::format("cannot write '{}': {}", path.string(), std::strerror(saved)));
        }
        written += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const int saved = errno;
        ::unlink(temp.c_str());
        return fail(ErrorCode::io,
                    fmt::format("cannot write '{}': {}", path.string(), std::strerror(saved)));
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int saved = errno;
        ::unlink(temp.c_str());
        return fail(ErrorCode::io,
                    fmt::format("cannot replace '{}': {}", path.string(), std::strerror(saved)));
    }
    return {};
}

} // namespace casefile
