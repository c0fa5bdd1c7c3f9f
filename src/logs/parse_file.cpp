#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/file_io.hpp"
#include "logs/parse.hpp"

namespace casefile::logs {
namespace {

/// A read-only memory map of a whole file, unmapped on destruction.
class MappedFile {
public:
    MappedFile() = default;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile() {
        if (data_ != nullptr) {
            ::munmap(data_, size_);
        }
    }

    /// Maps `path`; false (errno set) when it cannot be mapped, e.g. an empty file or a pipe.
    bool map(const std::filesystem::path& path) {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            return false;
        }
        struct stat st {};
        if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) {
            ::close(fd);
            return false;
        }
        void* p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        ::close(fd);
        if (p == MAP_FAILED) {
            return false;
        }
        data_ = p;
        size_ = static_cast<size_t>(st.st_size);
        ::madvise(data_, size_, MADV_SEQUENTIAL);
        return true;
    }

    [[nodiscard]] std::string_view text() const { return {static_cast<const char*>(data_), size_}; }

private:
    void* data_ = nullptr;
    size_t size_ = 0;
};

} // namespace

Result<StreamSummary> parse_file_stream(const std::filesystem::path& path,
                                        const std::string& file_label, const ParseOptions& options,
                                        const EventSink& sink) {
    if (path.extension() != ".gz") {
        MappedFile mapped;
        if (mapped.map(path)) {
            return parse_log_stream(mapped.text(), file_label, options, sink);
        }
    }
    // Compressed, empty or special files: read them whole (this also reports why a file
    // cannot be read).
    auto text = read_file(path);
    if (!text) {
        return tl::unexpected(text.error());
    }
    return parse_log_stream(*text, file_label, options, sink);
}

} // namespace casefile::logs
