#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace casefile::ioc {

/// Streams a file, or standard input for "-", in chunks that end at line boundaries, so memory
/// stays constant however large the input. gzip input is recognised by its magic bytes (not the
/// file name) and decompressed on the fly, concatenated members included.
class ChunkReader {
public:
    static constexpr size_t kDefaultChunk = size_t{4} << 20;
    /// Longest line kept whole; a longer one is cut at its last space or tab before this size,
    /// and an indicator straddling that cut is not found.
    static constexpr size_t kMaxLine = size_t{64} << 20;

    /// Opens `path` ("-" = stdin). Errors name the file and say what to check.
    [[nodiscard]] static Result<ChunkReader> open(const std::string& path,
                                                  size_t chunk_size = kDefaultChunk);

    ChunkReader(ChunkReader&&) noexcept;
    ChunkReader& operator=(ChunkReader&&) noexcept;
    ~ChunkReader();

    /// The next chunk: whole lines, the last one possibly without its newline at end of input.
    /// Empty at end of input. Valid until the second call after this one: the chunk before
    /// stays valid while the next is read, so one can be scanned while the next is read on
    /// another thread. Returns early, with the lines read so
    /// far, when a pipe has no more data ready, so interactive filters answer line by line.
    [[nodiscard]] Result<std::string_view> next();

    /// Size of the input file in bytes when it is a regular file (compressed size for gzip), else
    /// 0; compare with input_position() for progress.
    [[nodiscard]] uint64_t input_size() const;
    /// Bytes of the input file consumed so far (compressed bytes for gzip).
    [[nodiscard]] uint64_t input_position() const;
    [[nodiscard]] bool compressed() const;

private:
    struct State;
    explicit ChunkReader(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

} // namespace casefile::ioc
