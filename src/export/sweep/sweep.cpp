// The local IoC sweep: every indicator of a case as one Vectorscan literal database, scanned in
// block mode over line-aligned blocks of each file. Blocks are scanned on worker threads while
// the calling thread reads the next ones; results are emitted in order on the calling thread,
// so memory stays at (2 x threads) blocks whatever the file size.
#include "export/sweep/sweep.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <future>

#include <fcntl.h>
#include <fmt/format.h>
#include <hs/hs.h>
#include <unistd.h>
#include <zlib.h>

#include "core/ordered_pool.hpp"
#include "core/text.hpp"
#include "model/enums.hpp"

namespace casefile::exporting {
namespace fs = std::filesystem;

namespace {

using model::IndicatorType;

constexpr size_t kMinPatternBytes = 4;

/// How the bytes around an occurrence decide whether it counts.
enum class Edge : uint8_t { word, host, email, ipv4, url, file };

bool is_word(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool is_digit(unsigned char c) {
    return c >= '0' && c <= '9';
}

Edge edge_for(IndicatorType t) {
    switch (t) {
    case IndicatorType::domain:
        return Edge::host;
    case IndicatorType::email:
        return Edge::email;
    case IndicatorType::ipv4:
        return Edge::ipv4;
    case IndicatorType::url:
        return Edge::url;
    case IndicatorType::filename:
    case IndicatorType::file_path:
        return Edge::file;
    default:
        return Edge::word;
    }
}

bool caseless_type(IndicatorType t) {
    switch (t) {
    case IndicatorType::domain:
    case IndicatorType::email:
    case IndicatorType::md5:
    case IndicatorType::sha1:
    case IndicatorType::sha256:
    case IndicatorType::sha512:
    case IndicatorType::imphash:
    case IndicatorType::ja3:
    case IndicatorType::ipv6:
    case IndicatorType::mac:
    case IndicatorType::cve:
    case IndicatorType::registry_key:
    case IndicatorType::file_path:
    case IndicatorType::filename:
    case IndicatorType::scheduled_task:
    case IndicatorType::asn:
        return true;
    default:
        return false;
    }
}

/// True when the occurrence [begin, end) of `data` stands alone under `edge`.
bool stands_alone(const unsigned char* data, size_t size, size_t begin, size_t end, Edge edge) {
    const int before = begin > 0 ? data[begin - 1] : -1;
    const int before2 = begin > 1 ? data[begin - 2] : -1;
    const int after = end < size ? data[end] : -1;
    const int after2 = end + 1 < size ? data[end + 1] : -1;
    const auto word = [](int c) { return c >= 0 && is_word(static_cast<unsigned char>(c)); };
    const auto digit = [](int c) { return c >= 0 && is_digit(static_cast<unsigned char>(c)); };
    if (word(before) || word(after)) {
        return false;
    }
    switch (edge) {
    case Edge::word:
        return true;
    case Edge::host:
        // "my-evil.com" and "evil.com-x" are other names; "evil.com.attacker.net" too. A
        // subdomain ("x.evil.com") is a hit.
        return before != '-' && after != '-' && !(after == '.' && word(after2));
    case Edge::email:
        return before != '-' && before != '.' && before != '+' && after != '-' &&
               !(after == '.' && word(after2));
    case Edge::ipv4:
        return !(before == '.' && digit(before2)) && !(after == '.' && digit(after2));
    case Edge::url: {
        static constexpr std::string_view kMore = "/?#&=%-~+@$*";
        if (after >= 0 && kMore.find(static_cast<char>(after)) != std::string_view::npos) {
            return false;
        }
        static constexpr std::string_view kTrailing = ".,;:!'()";
        if (after >= 0 && kTrailing.find(static_cast<char>(after)) != std::string_view::npos &&
            (word(after2) || after2 == '/')) {
            return false;
        }
        return true;
    }
    case Edge::file:
        return before != '-' && before != '.' && after != '-' && !(after == '.' && word(after2));
    }
    return true;
}

/// One occurrence found in a block, before line numbers are known.
struct BlockHit {
    uint64_t begin = 0; ///< offset in the block
    uint32_t pattern = 0;
};

/// A piece of one file to scan. Matches ending before `report_from` were reported with the
/// previous block; with `open_end`, matches ending at the block's end are left to the next.
struct Block {
    std::vector<unsigned char> data;
    size_t size = 0;
    uint64_t offset = 0; ///< in the file
    size_t report_from = 0;
    bool open_end = false;
};

struct BlockResult {
    std::vector<BlockHit> hits;
    /// For each hit: newlines in the block before it, and the offset just past the last of them
    /// (0 when none).
    std::vector<std::pair<uint64_t, uint64_t>> where;
    uint64_t newlines = 0;
    uint64_t after_last_newline = 0; ///< offset just past the block's last newline, 0 if none
};

/// Reads a plain or gzip file in chunks.
class Reader {
public:
    ~Reader() {
        if (gz_ != nullptr) {
            gzclose(gz_);
        }
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }

    Status open(const fs::path& path) {
        path_ = path.string();
        fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd_ < 0) {
            return fail(ErrorCode::io,
                        fmt::format("cannot read '{}': {}", path_, std::strerror(errno)),
                        "check the path and its permissions");
        }
        std::array<unsigned char, 2> magic{};
        const ssize_t n = ::pread(fd_, magic.data(), magic.size(), 0);
        if (n == 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
            gz_ = gzdopen(fd_, "rb");
            if (gz_ == nullptr) {
                return fail(ErrorCode::io, fmt::format("cannot open '{}' as gzip", path_));
            }
            fd_ = -1; // owned by gz_ now
            gzbuffer(gz_, 1 << 18);
        }
        return {};
    }

    /// Fills `out` with up to `size` bytes; returns the count (0 at the end of the file).
    Result<size_t> read(unsigned char* out, size_t size) {
        size_t got = 0;
        while (got < size) {
            if (gz_ != nullptr) {
                const unsigned chunk =
                    static_cast<unsigned>(std::min<size_t>(size - got, 1U << 30));
                const int n = gzread(gz_, out + got, chunk);
                if (n < 0) {
                    int code = Z_OK;
                    const std::string message = gzerror(gz_, &code);
                    return fail(ErrorCode::io,
                                fmt::format("'{}' is not a readable gzip file: {}", path_, message),
                                "check that the file was copied completely");
                }
                if (n == 0) {
                    break;
                }
                got += static_cast<size_t>(n);
            } else {
                const ssize_t n = ::read(fd_, out + got, size - got);
                if (n < 0) {
                    if (errno == EINTR) {
                        continue;
                    }
                    return fail(ErrorCode::io,
                                fmt::format("error reading '{}': {}", path_, std::strerror(errno)));
                }
                if (n == 0) {
                    break;
                }
                got += static_cast<size_t>(n);
            }
        }
        return got;
    }

    /// Bytes of the file consumed so far.
    [[nodiscard]] uint64_t consumed() const {
        if (gz_ != nullptr) {
            const auto off = gzoffset(gz_);
            return off > 0 ? static_cast<uint64_t>(off) : 0;
        }
        const off_t off = ::lseek(fd_, 0, SEEK_CUR);
        return off > 0 ? static_cast<uint64_t>(off) : 0;
    }

private:
    std::string path_;
    int fd_ = -1;
    gzFile gz_ = nullptr;
};

struct ScratchDeleter {
    void operator()(hs_scratch_t* s) const { hs_free_scratch(s); }
};
using Scratch = std::unique_ptr<hs_scratch_t, ScratchDeleter>;

} // namespace

std::vector<SweepPattern> sweep_patterns(const analysis::Analysis& a,
                                         std::vector<Diagnostic>* notes) {
    std::vector<SweepPattern> out;
    const auto note = [&](std::string message) {
        if (notes != nullptr) {
            notes->push_back(
                Diagnostic{DiagnosticLevel::info, std::move(message), "", {}, "sweep-skipped"});
        }
    };
    for (const auto& i : a.indicators) {
        if (i.type == IndicatorType::attack_technique || i.type == IndicatorType::attack_tactic ||
            i.type == IndicatorType::attack_mitigation) {
            continue; // names of behaviour, not something a log line contains
        }
        if (i.value.find_first_of("\r\n") != std::string::npos) {
            note(fmt::format("not swept: the {} value spans lines", model::to_string(i.type)));
            continue;
        }
        if (i.value.size() < kMinPatternBytes) {
            note(fmt::format("not swept: '{}' is too short to search for without flooding hits",
                             i.value));
            continue;
        }
        const bool caseless = caseless_type(i.type);
        out.push_back({i.type, i.value, i.value, caseless});
        if (i.type == IndicatorType::url) {
            // "https://evil.example/" is also written without its root slash.
            const size_t scheme = i.value.find("://");
            if (scheme != std::string::npos && i.value.back() == '/' &&
                i.value.find('/', scheme + 3) == i.value.size() - 1) {
                out.push_back({i.type, i.value.substr(0, i.value.size() - 1), i.value, false});
            }
        }
    }
    return out;
}

struct SweepEngine::Impl {
    ~Impl() {
        if (db != nullptr) {
            hs_free_database(db);
        }
    }

    std::vector<SweepPattern> patterns;
    std::vector<uint32_t> lengths;
    std::vector<Edge> edges;
    size_t max_length = 0;
    hs_database_t* db = nullptr;
    Scratch prototype;

    [[nodiscard]] Result<Scratch> new_scratch() const {
        hs_scratch_t* s = nullptr;
        if (hs_clone_scratch(prototype.get(), &s) != HS_SUCCESS) {
            return fail(ErrorCode::internal, "out of memory for Vectorscan scratch space");
        }
        return Scratch(s);
    }

    /// Scans one block with `scratch`; hits sorted by offset, with their line positions.
    BlockResult scan(const Block& b, hs_scratch_t* scratch) const {
        struct Context {
            const Impl* self;
            const Block* block;
            std::vector<BlockHit>* hits;
        };
        BlockResult r;
        Context ctx{this, &b, &r.hits};
        const auto on_match = [](unsigned int id, unsigned long long /*from*/,
                                 unsigned long long to, unsigned int /*flags*/,
                                 void* context) -> int {
            auto* c = static_cast<Context*>(context);
            const Block& blk = *c->block;
            if (to < blk.report_from || (blk.open_end && to == blk.size)) {
                return 0;
            }
            const size_t begin = static_cast<size_t>(to) - c->self->lengths[id];
            if (stands_alone(blk.data.data(), blk.size, begin, static_cast<size_t>(to),
                             c->self->edges[id])) {
                c->hits->push_back({begin, id});
            }
            return 0;
        };
        if (b.size > 0) {
            // A block is at most block_bytes (< 4 GiB) by construction.
            const hs_error_t err =
                hs_scan(db, reinterpret_cast<const char*>(b.data.data()),
                        static_cast<unsigned int>(b.size), 0, scratch, on_match, &ctx);
            CASEFILE_ASSERT(err == HS_SUCCESS, "hs_scan fails only on bad arguments");
        }
        std::sort(r.hits.begin(), r.hits.end(), [](const BlockHit& x, const BlockHit& y) {
            return x.begin != y.begin ? x.begin < y.begin : x.pattern < y.pattern;
        });
        // Newlines before each hit, counted once over the block.
        const unsigned char* data = b.data.data();
        uint64_t pos = 0;
        for (const BlockHit& h : r.hits) {
            while (pos < h.begin) {
                const void* nl = std::memchr(data + pos, '\n', h.begin - pos);
                if (nl == nullptr) {
                    pos = h.begin;
                    break;
                }
                pos = static_cast<uint64_t>(static_cast<const unsigned char*>(nl) - data) + 1;
                ++r.newlines;
                r.after_last_newline = pos;
            }
            r.where.emplace_back(r.newlines, r.after_last_newline);
        }
        while (pos < b.size) {
            const void* nl = std::memchr(data + pos, '\n', b.size - pos);
            if (nl == nullptr) {
                break;
            }
            pos = static_cast<uint64_t>(static_cast<const unsigned char*>(nl) - data) + 1;
            ++r.newlines;
            r.after_last_newline = pos;
        }
        return r;
    }
};

SweepEngine::SweepEngine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SweepEngine::SweepEngine(SweepEngine&&) noexcept = default;
SweepEngine& SweepEngine::operator=(SweepEngine&&) noexcept = default;
SweepEngine::~SweepEngine() = default;

size_t SweepEngine::pattern_count() const {
    return impl_->patterns.size();
}

Result<SweepEngine> SweepEngine::compile(std::vector<SweepPattern> patterns) {
    if (patterns.empty()) {
        return fail(ErrorCode::bad_input, "the case has no indicators to sweep for",
                    "add indicators to case.yaml or evidence that contains them");
    }
    auto impl = std::make_unique<Impl>();
    impl->patterns = std::move(patterns);
    std::vector<const char*> expressions;
    std::vector<size_t> lengths;
    std::vector<unsigned> flags;
    std::vector<unsigned> ids;
    for (size_t i = 0; i < impl->patterns.size(); ++i) {
        const SweepPattern& p = impl->patterns[i];
        expressions.push_back(p.value.c_str());
        lengths.push_back(p.value.size());
        flags.push_back(p.caseless ? HS_FLAG_CASELESS : 0);
        ids.push_back(static_cast<unsigned>(i));
        impl->lengths.push_back(static_cast<uint32_t>(p.value.size()));
        impl->edges.push_back(edge_for(p.type));
        impl->max_length = std::max(impl->max_length, p.value.size());
    }
    hs_compile_error_t* error = nullptr;
    if (hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(), lengths.data(),
                             static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK, nullptr,
                             &impl->db, &error) != HS_SUCCESS) {
        std::string message =
            error != nullptr && error->message != nullptr ? error->message : "unknown error";
        if (error != nullptr && error->expression >= 0) {
            message += fmt::format(" (indicator '{}')",
                                   impl->patterns[static_cast<size_t>(error->expression)].value);
        }
        hs_free_compile_error(error);
        return fail(ErrorCode::internal, "cannot compile the sweep patterns: " + message);
    }
    hs_scratch_t* scratch = nullptr;
    if (hs_alloc_scratch(impl->db, &scratch) != HS_SUCCESS) {
        return fail(ErrorCode::internal, "out of memory for Vectorscan scratch space");
    }
    impl->prototype.reset(scratch);
    return SweepEngine(std::move(impl));
}

namespace {

/// Turns block results into hits with absolute lines and columns, in order.
class Emitter {
public:
    Emitter(const std::vector<SweepPattern>& patterns,
            const std::function<void(const SweepHit&)>& on_hit, SweepSummary& summary)
        : patterns_(patterns), on_hit_(on_hit), summary_(summary) {}

    void start_file(std::string name) {
        file_ = std::move(name);
        lines_before_ = 0;
        line_start_ = 0;
        last_hit_line_ = 0;
    }

    void emit(const Block& b, const BlockResult& r) {
        for (size_t k = 0; k < r.hits.size(); ++k) {
            const BlockHit& h = r.hits[k];
            const auto [newlines, after_newline] = r.where[k];
            const uint64_t line = lines_before_ + newlines + 1;
            const uint64_t start = newlines > 0 ? b.offset + after_newline : line_start_;
            const SweepPattern& p = patterns_[h.pattern];
            on_hit_(SweepHit{file_, line, b.offset + h.begin - start + 1, p.type, p.indicator});
            ++summary_.hits;
            if (line != last_hit_line_) {
                ++summary_.lines;
                last_hit_line_ = line;
            }
        }
        // The carried tail of an open-ended block is scanned again at the start of the next
        // block; its bytes hold no newline, so counting the block whole stays exact.
        lines_before_ += r.newlines;
        if (r.newlines > 0) {
            line_start_ = b.offset + r.after_last_newline;
        }
    }

private:
    const std::vector<SweepPattern>& patterns_;
    const std::function<void(const SweepHit&)>& on_hit_;
    SweepSummary& summary_;
    std::string file_;
    uint64_t lines_before_ = 0;
    uint64_t line_start_ = 0;
    uint64_t last_hit_line_ = 0;
};

/// Every regular file under the inputs, folders walked in sorted order.
Result<std::vector<fs::path>> list_files(const std::vector<fs::path>& inputs) {
    std::vector<fs::path> files;
    for (const auto& input : inputs) {
        std::error_code ec;
        const auto status = fs::status(input, ec);
        if (ec || !fs::exists(status)) {
            return fail(ErrorCode::not_found, fmt::format("'{}' does not exist", input.string()),
                        "name log files or folders that exist");
        }
        if (fs::is_directory(status)) {
            std::vector<fs::path> found;
            for (auto it = fs::recursive_directory_iterator(
                     input, fs::directory_options::skip_permission_denied, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                if (it->is_regular_file(ec)) {
                    found.push_back(it->path());
                }
            }
            if (ec) {
                return fail(ErrorCode::io,
                            fmt::format("cannot list '{}': {}", input.string(), ec.message()));
            }
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.push_back(input);
        }
    }
    return files;
}

} // namespace

Result<SweepSummary> SweepEngine::sweep(const std::vector<fs::path>& inputs,
                                        const SweepOptions& options,
                                        const std::function<void(const SweepHit&)>& on_hit) const {
    auto files = list_files(inputs);
    if (!files) {
        return tl::unexpected(files.error());
    }
    uint64_t total = 0;
    for (const auto& f : *files) {
        std::error_code ec;
        const auto size = fs::file_size(f, ec);
        total += ec ? 0 : size;
    }
    const unsigned threads = options.threads != 0 ? options.threads : available_cpus();
    // A block must hold more than the longest pattern so a long line can be split safely.
    const size_t block_bytes = std::max(options.block_bytes, 4 * (impl_->max_length + 1));

    std::vector<Scratch> scratches;
    for (unsigned t = 0; t < threads; ++t) {
        auto s = impl_->new_scratch();
        if (!s) {
            return tl::unexpected(s.error());
        }
        scratches.push_back(std::move(*s));
    }

    SweepSummary summary;
    Emitter emitter(impl_->patterns, on_hit, summary);
    uint64_t done_before = 0;
    // Two rounds of `threads` blocks: one being scanned while the next is read.
    std::array<std::vector<Block>, 2> rounds;
    for (auto& round : rounds) {
        round.resize(threads);
        for (auto& b : round) {
            b.data.resize(block_bytes);
        }
    }

    for (const fs::path& path : *files) {
        Reader reader;
        if (auto ok = reader.open(path); !ok) {
            summary.errors.push_back(
                Diagnostic{DiagnosticLevel::error, ok.error().message, ok.error().hint,
                           SourceLocation{path.string(), 0, 0}, "unreadable-file"});
            continue;
        }
        emitter.start_file(path.string());
        std::vector<unsigned char> carry; // bytes that start the next block
        size_t carry_report_from = 0;
        uint64_t next_offset = 0;
        bool eof = false;
        std::optional<Error> read_error;

        // Fills `round` with up to `threads` blocks; returns how many.
        const auto fill = [&](std::vector<Block>& round) -> size_t {
            size_t n = 0;
            while (n < round.size() && !eof) {
                Block& b = round[n];
                std::copy(carry.begin(), carry.end(), b.data.begin());
                const size_t kept = carry.size();
                auto got = reader.read(b.data.data() + kept, block_bytes - kept);
                if (!got) {
                    read_error = got.error();
                    eof = true;
                    break;
                }
                const size_t size = kept + *got;
                b.offset = next_offset;
                b.report_from = carry_report_from;
                b.open_end = false;
                carry.clear();
                carry_report_from = 0;
                if (*got == 0 || size < block_bytes) {
                    eof = true;
                    b.size = size;
                } else {
                    const auto* last =
                        static_cast<const unsigned char*>(memrchr(b.data.data(), '\n', size));
                    if (last != nullptr) {
                        b.size = static_cast<size_t>(last - b.data.data()) + 1;
                        carry.assign(b.data.begin() + static_cast<std::ptrdiff_t>(b.size),
                                     b.data.begin() + static_cast<std::ptrdiff_t>(size));
                    } else {
                        // One line longer than a block: rescan its tail with the next bytes.
                        b.size = size;
                        b.open_end = true;
                        const size_t keep = impl_->max_length + 1;
                        carry.assign(b.data.begin() + static_cast<std::ptrdiff_t>(size - keep),
                                     b.data.begin() + static_cast<std::ptrdiff_t>(size));
                        carry_report_from = keep;
                    }
                }
                next_offset = b.offset + b.size - (b.open_end ? carry.size() : 0);
                if (b.size == 0) {
                    break;
                }
                summary.bytes += b.size - b.report_from;
                ++n;
            }
            if (options.progress) {
                options.progress(done_before + reader.consumed(), total);
            }
            return n;
        };

        size_t current = 0;
        size_t count = fill(rounds[current]);
        while (count > 0) {
            std::vector<std::future<BlockResult>> pending;
            for (size_t k = 0; k < count; ++k) {
                pending.push_back(
                    std::async(std::launch::async, [this, &rounds, &scratches, current, k] {
                        return impl_->scan(rounds[current][k], scratches[k].get());
                    }));
            }
            const size_t next = 1 - current;
            const size_t next_count = eof ? 0 : fill(rounds[next]);
            for (size_t k = 0; k < count; ++k) {
                emitter.emit(rounds[current][k], pending[k].get());
            }
            current = next;
            count = next_count;
        }
        if (read_error) {
            summary.errors.push_back(
                Diagnostic{DiagnosticLevel::error, read_error->message, read_error->hint,
                           SourceLocation{path.string(), 0, 0}, "unreadable-file"});
        }
        ++summary.files;
        std::error_code ec;
        const auto size = fs::file_size(path, ec);
        done_before += ec ? 0 : size;
        if (options.progress) {
            options.progress(done_before, total);
        }
    }
    return summary;
}

SweepSummary SweepEngine::scan_text(std::string_view text, std::string_view name,
                                    const std::function<void(const SweepHit&)>& on_hit) const {
    SweepSummary summary;
    Emitter emitter(impl_->patterns, on_hit, summary);
    emitter.start_file(std::string(name));
    Block b;
    b.data.assign(text.begin(), text.end());
    b.size = text.size();
    auto scratch = impl_->new_scratch();
    CASEFILE_ASSERT(scratch.has_value(), "scratch allocation for a test-sized text");
    emitter.emit(b, impl_->scan(b, scratch->get()));
    summary.files = 1;
    summary.bytes = text.size();
    return summary;
}

} // namespace casefile::exporting
