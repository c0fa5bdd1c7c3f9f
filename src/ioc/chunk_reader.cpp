#include "ioc/chunk_reader.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "ioc/byte_buffer.hpp"

namespace casefile::ioc {

namespace {

constexpr size_t kReadBlock = size_t{1} << 20;

} // namespace

struct ChunkReader::State {
    std::string path;
    int fd = -1;
    bool owns_fd = false;
    uint64_t size = 0;
    uint64_t position = 0; // raw bytes read from fd
    bool eof = false;      // no more raw input
    bool gzip = false;
    bool sniffed = false;
    bool inflating = false;
    z_stream z{};
    std::string raw; // raw bytes read but not yet inflated (gzip only)
    size_t raw_used = 0;
    // Decoded bytes, in two buffers taken in turn, so the chunk returned before the current one
    // stays valid. buffers[current] holds the current chunk; [start, size()) is not yet returned.
    std::array<detail::ByteBuffer, 2> buffers;
    size_t current = 0;
    size_t start = 0;
    size_t chunk_size = kDefaultChunk;

    State() = default;
    State(const State&) = delete;
    State& operator=(const State&) = delete;
    ~State() {
        if (inflating) {
            inflateEnd(&z);
        }
        if (owns_fd && fd >= 0) {
            ::close(fd);
        }
    }

    detail::ByteBuffer& buffer() { return buffers[current]; }

    /// Moves the bytes not yet returned to the other buffer and makes it current.
    void turn() {
        detail::ByteBuffer& from = buffers[current];
        detail::ByteBuffer& to = buffers[1 - current];
        to.shrink_to(0);
        to.append(from.view().data() + start, from.size() - start);
        current = 1 - current;
        start = 0;
    }

    Error io_error(const std::string& what) const {
        return Error{ErrorCode::io, fmt::format("{} '{}': {}", what, path, std::strerror(errno)),
                     "check that the file exists and is readable", std::nullopt};
    }

    /// Reads up to `n` raw bytes into `out`; returns how many (0 at end of input).
    Result<size_t> read_raw(char* out, size_t n) {
        while (true) {
            const ssize_t got = ::read(fd, out, n);
            if (got < 0) {
                if (errno == EINTR) {
                    continue;
                }
                return tl::unexpected(io_error("cannot read"));
            }
            position += static_cast<uint64_t>(got);
            if (got == 0) {
                eof = true;
            }
            return static_cast<size_t>(got);
        }
    }

    /// Appends decoded bytes to `buffer`; returns how many were added (0 at end of input).
    Result<size_t> fill(size_t want) {
        detail::ByteBuffer& buffer = this->buffer();
        const size_t before = buffer.size();
        if (!gzip) {
            char* out = buffer.extend(want);
            auto got = read_raw(out, want);
            buffer.shrink_to(before + (got ? *got : 0));
            if (!got) {
                return tl::unexpected(got.error());
            }
            return *got;
        }
        while (buffer.size() == before) {
            if (raw_used == raw.size()) {
                if (eof) {
                    if (inflating) {
                        return fail(ErrorCode::bad_input,
                                    fmt::format("'{}' is a truncated gzip file", path),
                                    "the file ends in the middle of compressed data");
                    }
                    return size_t{0};
                }
                raw.resize(kReadBlock);
                auto got = read_raw(raw.data(), raw.size());
                if (!got) {
                    return tl::unexpected(got.error());
                }
                raw.resize(*got);
                raw_used = 0;
                continue;
            }
            if (!inflating) {
                z = z_stream{};
                if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
                    return fail(ErrorCode::internal, "cannot start gzip decompression");
                }
                inflating = true;
            }
            char* out = buffer.extend(want);
            z.next_in = reinterpret_cast<Bytef*>(raw.data() + raw_used);
            z.avail_in = static_cast<uInt>(raw.size() - raw_used);
            z.next_out = reinterpret_cast<Bytef*>(out);
            z.avail_out = static_cast<uInt>(want);
            const int rc = inflate(&z, Z_NO_FLUSH);
            raw_used = raw.size() - z.avail_in;
            buffer.shrink_to(before + (want - z.avail_out));
            if (rc == Z_STREAM_END) {
                // Another gzip member may follow (gzip allows concatenation).
                inflateEnd(&z);
                inflating = false;
            } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
                return fail(ErrorCode::bad_input,
                            fmt::format("'{}' is not a readable gzip file ({})", path,
                                        z.msg != nullptr ? z.msg : "corrupt data"),
                            "check the file with 'gzip -t'");
            }
        }
        return buffer.size() - before;
    }
};

ChunkReader::ChunkReader(std::unique_ptr<State> state) : state_(std::move(state)) {}
ChunkReader::ChunkReader(ChunkReader&&) noexcept = default;
ChunkReader& ChunkReader::operator=(ChunkReader&&) noexcept = default;
ChunkReader::~ChunkReader() = default;

Result<ChunkReader> ChunkReader::open(const std::string& path, size_t chunk_size) {
    auto s = std::make_unique<State>();
    s->path = path == "-" ? std::string("<stdin>") : path;
    s->chunk_size = std::max<size_t>(chunk_size, 4096);
    if (path == "-") {
        s->fd = STDIN_FILENO;
    } else {
        s->fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (s->fd < 0) {
            const ErrorCode code = errno == ENOENT ? ErrorCode::not_found : ErrorCode::io;
            return fail(code, fmt::format("cannot open '{}': {}", path, std::strerror(errno)),
                        errno == ENOENT ? "check the path; use '-' to read standard input"
                                        : "check the file's permissions");
        }
        s->owns_fd = true;
    }
    struct stat st {};
    if (::fstat(s->fd, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            return fail(ErrorCode::bad_usage, fmt::format("'{}' is a directory", path),
                        "pass the files inside it, e.g. dir/*.log");
        }
        if (S_ISREG(st.st_mode)) {
            s->size = static_cast<uint64_t>(st.st_size);
        }
    }
    return ChunkReader(std::move(s));
}

Result<std::string_view> ChunkReader::next() {
    State& s = *state_;
    // Leave what the previous call returned where it is, for the caller that still scans it.
    if (s.start > 0) {
        s.turn();
    }
    if (!s.sniffed) {
        s.sniffed = true;
        std::array<char, 2> head{};
        auto got = s.read_raw(head.data(), head.size());
        if (!got) {
            return tl::unexpected(got.error());
        }
        if (*got == 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
            static_cast<unsigned char>(head[1]) == 0x8b) {
            s.gzip = true;
            s.raw.assign(head.data(), 2);
            s.raw_used = 0;
        } else {
            s.buffer().append(head.data(), *got);
        }
    }
    while (true) {
        const size_t newline = s.buffer().view().rfind('\n');
        const bool have_line = newline != std::string_view::npos;
        if (have_line && s.buffer().size() >= s.chunk_size) {
            s.start = newline + 1;
            return s.buffer().view().substr(0, s.start);
        }
        if (s.buffer().size() >= kMaxLine) {
            // One enormous line: cut at its last blank so that words stay whole.
            size_t cut = s.buffer().view().find_last_of(" \t", s.buffer().size() - 1);
            cut = cut == std::string_view::npos || cut == 0 ? s.buffer().size() : cut + 1;
            s.start = cut;
            return s.buffer().view().substr(0, cut);
        }
        const size_t want =
            std::max<size_t>(4096, s.chunk_size - std::min(s.chunk_size, s.buffer().size()));
        auto got = s.fill(std::min(want, kMaxLine));
        if (!got) {
            return tl::unexpected(got.error());
        }
        if (*got == 0) {
            s.start = s.buffer().size();
            return s.buffer().view();
        }
        // A pipe that returned less than asked has nothing more ready: hand over whole lines now.
        if (!s.gzip && *got < want && s.size == 0) {
            const size_t nl = s.buffer().view().rfind('\n');
            if (nl != std::string_view::npos) {
                s.start = nl + 1;
                return s.buffer().view().substr(0, s.start);
            }
        }
    }
}

uint64_t ChunkReader::input_size() const {
    return state_->size;
}
uint64_t ChunkReader::input_position() const {
    return state_->position;
}
bool ChunkReader::compressed() const {
    return state_->gzip;
}

} // namespace casefile::ioc
