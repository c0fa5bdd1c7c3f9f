#include "ioc/indicator_set.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <new>

#include "ioc/extractor_impl.hpp"
#include "ioc/huge_page_allocator.hpp"
#include "ioc/normalize.hpp"
#include "ioc/scanner.hpp"

namespace casefile::ioc {

using model::IndicatorType;

namespace {

constexpr uint32_t kNone = 0xFFFFFFFFu;
constexpr size_t kPiece = size_t{64} << 10; // bytes pre-passed and scanned together
constexpr size_t kTypeCount = static_cast<size_t>(IndicatorType::other) + 1;

uint64_t load64(const char* p) {
    uint64_t v = 0;
    std::memcpy(&v, p, sizeof v);
    return v;
}

/// A fast 64-bit hash of (type, value); the table compares full keys, so quality need only be
/// good enough to spread random hashes and look-alike IPs.
uint64_t key_hash(IndicatorType type, std::string_view value) {
    constexpr uint64_t kMul = 0x9E3779B97F4A7C15ULL;
    uint64_t h = (static_cast<uint64_t>(type) + 1) * kMul ^ value.size();
    size_t i = 0;
    for (; i + 8 <= value.size(); i += 8) {
        h = (h ^ load64(value.data() + i)) * kMul;
        h ^= h >> 29;
    }
    uint64_t tail = 0;
    for (size_t k = 0; i + k < value.size(); ++k) {
        tail |= static_cast<uint64_t>(static_cast<unsigned char>(value[i + k])) << (8 * k);
    }
    h = (h ^ tail) * kMul;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ULL;
    h ^= h >> 32;
    return h;
}

/// A vector that grows in fixed blocks: no element is ever moved, so growing a set of millions
/// of indicators costs no copying and no doubling of memory.
template <class T> class BlockVector {
public:
    static constexpr size_t kBlock = size_t{1} << 16;
    [[nodiscard]] size_t size() const { return size_; }
    T& operator[](size_t i) { return blocks_[i / kBlock][i % kBlock]; }
    const T& operator[](size_t i) const { return blocks_[i / kBlock][i % kBlock]; }
    void push_back(const T& v) {
        if (size_ % kBlock == 0) {
            // Reserved, not constructed: the pages are only touched as elements arrive.
            blocks_.emplace_back().reserve(kBlock);
        }
        blocks_.back().push_back(v);
        ++size_;
    }
    void clear() {
        blocks_.clear();
        size_ = 0;
    }

private:
    std::vector<std::vector<T, detail::HugePageAllocator<T>>> blocks_;
    size_t size_ = 0;
};

/// What the set knows about one distinct indicator; stored in the RecordArena right before its
/// value, so a lookup that finds the slot reads header and value from the same cache lines.
struct Record {
    uint64_t hash = 0;           ///< key_hash(type, value): rebuilding the table needs no rehashing
    Occurrence first_occurrence; ///< inline: most indicators occur once
    uint32_t repeat = kNone;     ///< index among the records seen twice or more, else kNone
    uint32_t count = 0;
    uint32_t value_size = 0;
    IndicatorType type = IndicatorType::other;

    [[nodiscard]] std::string_view value() const {
        return {reinterpret_cast<const char*>(this + 1), value_size};
    }
};

/// Records with their values, appended in blocks that never move (64 KiB at first, then up to
/// 2 MiB, one huge page); a record never straddles two blocks. Each type fills blocks of its own,
/// so the records of one type lie in order of first occurrence in a few blocks, and visit() reads
/// them front to back. A record's location is (block << 21 | offset): 40 bits address 1 TiB.
class RecordArena {
public:
    static constexpr unsigned kOffsetBits = 21;
    static constexpr size_t kBlock = size_t{1} << kOffsetBits;
    static constexpr size_t kFirstBlock = kBlock >> 5; ///< 64 KiB, doubling up to kBlock

    uint64_t add(const Record& header, std::string_view value) {
        const size_t size = record_size(value.size());
        Tail& tail = tails_[static_cast<size_t>(header.type)];
        if (tail.blocks.empty() || used_[tail.blocks.back()] + size > tail.block_size) {
            // Small first blocks: a type seen a few times should not take a whole huge page.
            const size_t doubled = kFirstBlock << std::min<size_t>(tail.blocks.size(), 5);
            tail.block_size = std::max(std::min(kBlock, doubled), size);
            tail.blocks.push_back(blocks_.size());
            blocks_.push_back(Block(Allocator().allocate(tail.block_size), Free{tail.block_size}));
            used_.push_back(0);
        }
        const size_t block = tail.blocks.back();
        std::byte* at = blocks_[block].get() + used_[block];
        auto* r = new (at) Record(header);
        std::memcpy(r + 1, value.data(), value.size());
        const uint64_t location = (uint64_t{block} << kOffsetBits) | used_[block];
        used_[block] += size;
        return location;
    }
    [[nodiscard]] Record& at(uint64_t location) const {
        return *std::launder(reinterpret_cast<Record*>(blocks_[location >> kOffsetBits].get() +
                                                       (location & (kBlock - 1))));
    }
    /// Calls fn(record, location) for every record, type after type (in IndicatorType order)
    /// and in order of insertion within a type.
    template <class Fn> void for_each(Fn&& fn) const {
        for (const Tail& tail : tails_) {
            for (size_t block : tail.blocks) {
                const std::byte* base = blocks_[block].get();
                for (size_t offset = 0; offset < used_[block];) {
                    const auto& r = *std::launder(reinterpret_cast<const Record*>(base + offset));
                    fn(r, (uint64_t{block} << kOffsetBits) | offset);
                    offset += record_size(r.value_size);
                }
            }
        }
    }
    void clear() {
        blocks_.clear();
        used_.clear();
        tails_ = {};
    }

private:
    /// Header plus value, rounded up so the next header stays aligned.
    [[nodiscard]] static size_t record_size(size_t value_size) {
        return (sizeof(Record) + value_size + alignof(Record) - 1) & ~(alignof(Record) - 1);
    }
    using Allocator = detail::HugePageAllocator<std::byte>;
    struct Free {
        size_t size = 0;
        void operator()(std::byte* block) const { Allocator().deallocate(block, size); }
    };
    using Block = std::unique_ptr<std::byte[], Free>;
    /// The blocks one type has filled so far; records go to the last one.
    struct Tail {
        std::vector<size_t> blocks;
        size_t block_size = 0; ///< capacity of the last block
    };
    std::vector<Block> blocks_;
    std::vector<size_t> used_; ///< bytes of records in each block
    std::array<Tail, kTypeCount> tails_{};
};

} // namespace

struct IndicatorSet::State {
    /// Second and later occurrences, in input order; visit() sorts them by record in one pass.
    struct Node {
        Occurrence occurrence;
        uint32_t repeat = kNone; ///< Record::repeat of its record
    };
    /// A match waiting for its table slot to arrive in cache (see add()).
    struct Pending {
        IndicatorType type = IndicatorType::other;
        uint64_t hash = 0;
        Occurrence occurrence;
        std::string value;
    };
    static constexpr size_t kPending = 16;

    const Extractor* extractor = nullptr;
    detail::ScanSettings settings;
    std::vector<std::string> sources;
    uint32_t current = 0;
    uint64_t source_offset = 0; ///< bytes of the current source before this chunk
    uint32_t line = 1;
    uint64_t line_start = 0; ///< source offset of the current line's first byte
    uint64_t total = 0;
    detail::Normalized norm;
    std::unique_ptr<detail::ScanCaches> caches = std::make_unique<detail::ScanCaches>();

    RecordArena arena;
    size_t records = 0; ///< distinct indicators
    /// Open addressing; a slot holds (top 24 hash bits << 40 | record location + 1), 0 when
    /// free, and the home slot comes from the low hash bits: a probe reads a record only when
    /// all 24 tag bits agree.
    static constexpr unsigned kLocationBits = 40;
    static constexpr uint64_t kLocationMask = (uint64_t{1} << kLocationBits) - 1;
    using Table = std::vector<uint64_t, detail::HugePageAllocator<uint64_t>>;
    Table table = Table(1024, 0);
    BlockVector<Node> nodes;
    size_t repeated_records = 0; ///< records with more than one occurrence
    std::array<Pending, kPending> pending;
    size_t pending_head = 0;
    size_t pending_count = 0;

    // Per chunk:
    std::string_view chunk;
    size_t counted = 0; ///< chunk bytes whose newlines are already counted

    size_t next_newline = 0; ///< chunk offset of the first newline at or after `counted`

    [[nodiscard]] size_t find_newline(size_t from) const {
        const void* nl = std::memchr(chunk.data() + from, '\n', chunk.size() - from);
        return nl == nullptr ? chunk.size()
                             : static_cast<size_t>(static_cast<const char*>(nl) - chunk.data());
    }

    // One memchr per line, not one per match: matches are many more than lines.
    void count_lines_to(size_t pos) {
        while (next_newline < pos) {
            ++line;
            line_start = source_offset + next_newline + 1;
            next_newline = find_newline(next_newline + 1);
        }
        counted = pos;
    }

    [[nodiscard]] static uint64_t tag_of(uint64_t hash) { return hash >> kLocationBits; }

    void grow() {
        Table bigger(table.size() * 2, 0);
        const size_t mask = bigger.size() - 1;
        // Arena order: the records are read front to back, not at random.
        arena.for_each([&](const Record& r, uint64_t at) {
            size_t slot = r.hash & mask;
            while (bigger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = (tag_of(r.hash) << kLocationBits) | (at + 1);
        });
        table.swap(bigger);
    }

    void insert(const Pending& p) {
        const uint64_t tag = tag_of(p.hash);
        const size_t mask = table.size() - 1;
        size_t slot = p.hash & mask;
        while (table[slot] != 0) {
            const uint64_t v = table[slot];
            if ((v >> kLocationBits) == tag) {
                Record& r = arena.at((v & kLocationMask) - 1);
                if (r.type == p.type && r.value() == p.value) {
                    if (r.count == 1) {
                        r.repeat = static_cast<uint32_t>(repeated_records++);
                    }
                    ++r.count;
                    nodes.push_back(Node{p.occurrence, r.repeat});
                    return;
                }
            }
            slot = (slot + 1) & mask;
        }
        Record r;
        r.hash = p.hash;
        r.first_occurrence = p.occurrence;
        r.count = 1;
        r.value_size = static_cast<uint32_t>(p.value.size());
        r.type = p.type;
        const uint64_t location = arena.add(r, p.value);
        ++records;
        table[slot] = (tag << kLocationBits) | (location + 1);
        if (records * 2 > table.size()) {
            grow();
        }
    }

    void flush_pending() {
        while (pending_count > 0) {
            insert(pending[pending_head]);
            pending_head = (pending_head + 1) % kPending;
            --pending_count;
        }
    }

    /// Scans whole lines of the current source that follow what was scanned before.
    void scan_piece(std::string_view piece) {
        detail::normalize(piece, detail::RefangMode::extract, norm);
        chunk = piece;
        counted = 0;
        next_newline = find_newline(0);
        detail::MatchSink sink{
            [](void* p, const detail::RawMatch& raw) { static_cast<State*>(p)->add(raw); }, this};
        detail::Scanner scanner(extractor->impl_->rules, *caches, norm, settings, sink);
        scanner.run();
        count_lines_to(piece.size());
        source_offset += piece.size();
    }

    // Most matches are new values whose table slot is not in cache: queue each one and touch
    // its slot now, and do the lookup a few matches later, when the line has arrived.
    void add(const detail::RawMatch& raw) {
        const uint64_t begin = norm.original_begin(raw.begin);
        const uint64_t end = norm.original_end(raw.end);
        if (begin > counted) {
            count_lines_to(begin);
        }
        if (pending_count == kPending) {
            insert(pending[pending_head]);
            pending_head = (pending_head + 1) % kPending;
            --pending_count;
        }
        Pending& p = pending[(pending_head + pending_count) % kPending];
        ++pending_count;
        p.type = raw.type;
        p.value.assign(raw.value);
        p.hash = key_hash(raw.type, raw.value);
        __builtin_prefetch(&table[p.hash & (table.size() - 1)]);
        Occurrence& occ = p.occurrence;
        occ.offset = source_offset + begin;
        occ.length = static_cast<uint32_t>(end - begin);
        occ.line = line;
        occ.column = static_cast<uint32_t>(occ.offset - line_start + 1);
        occ.source = current;
    }
};

IndicatorSet::IndicatorSet(const Extractor& extractor, const ExtractOptions& options)
    : state_(std::make_unique<State>()) {
    state_->extractor = &extractor;
    state_->settings = detail::settings_for(options);
}
IndicatorSet::IndicatorSet(IndicatorSet&&) noexcept = default;
IndicatorSet::~IndicatorSet() = default;

uint32_t IndicatorSet::add_source(std::string name) {
    State& s = *state_;
    s.sources.push_back(std::move(name));
    s.current = static_cast<uint32_t>(s.sources.size() - 1);
    s.source_offset = 0;
    s.line = 1;
    s.line_start = 0;
    return s.current;
}

void IndicatorSet::expect_input(uint64_t input_bytes) {
    // Dense logs hold about one distinct indicator per 200 bytes; the table keeps at most every
    // other slot used. Capped at 32 MiB of table, which a huge input then grows past.
    constexpr uint64_t kBytesPerSlot = 128;
    constexpr size_t kMaxSlots = size_t{1} << 22;
    State& s = *state_;
    if (s.records != 0) {
        return;
    }
    size_t slots = s.table.size();
    while (slots < kMaxSlots && slots * kBytesPerSlot < input_bytes) {
        slots *= 2;
    }
    if (slots != s.table.size()) {
        s.table.assign(slots, 0);
    }
}

void IndicatorSet::add_chunk(std::string_view chunk) {
    State& s = *state_;
    if (s.sources.empty()) {
        add_source("");
    }
    // Pieces of whole lines, each pre-passed and scanned while it is still in cache: a chunk is
    // read twice, and a piece without defang notation is scanned in place, not copied.
    size_t from = 0;
    while (from < chunk.size()) {
        size_t end = chunk.size();
        if (chunk.size() - from > kPiece) {
            const void* nl =
                std::memchr(chunk.data() + from + kPiece, '\n', chunk.size() - from - kPiece);
            if (nl != nullptr) {
                end = static_cast<size_t>(static_cast<const char*>(nl) - chunk.data()) + 1;
            }
        }
        s.scan_piece(chunk.substr(from, end - from));
        from = end;
    }
    s.flush_pending();
    s.total += chunk.size();
}

uint64_t IndicatorSet::bytes_scanned() const {
    return state_->total;
}

const std::vector<std::string>& IndicatorSet::sources() const {
    return state_->sources;
}

size_t IndicatorSet::size() const {
    return state_->records;
}

void IndicatorSet::visit(const std::function<void(const IndicatorView&)>& fn) const {
    const State& s = *state_;
    const Extractor::Impl& impl = *s.extractor->impl_;
    // Each type's records lie in its own arena blocks in order of first occurrence, so visit
    // order is a front-to-back walk of those blocks, type after type.
    //
    // Most indicators occur once: their one occurrence is handed out from the record itself.
    // The others get their occurrences laid out contiguously in `repeated`, in visit order, by
    // one sequential pass over the nodes (a counting sort by record). `end`, indexed by
    // Record::repeat (small: only repeated records have one), holds each such record's next free
    // place, then (after the pass) the place after its last.
    std::vector<uint64_t> end(s.repeated_records);
    std::vector<Occurrence> repeated(s.nodes.size() + s.repeated_records);
    uint64_t total = 0;
    s.arena.for_each([&](const Record& r, uint64_t) {
        if (r.count > 1) {
            repeated[total] = r.first_occurrence;
            end[r.repeat] = total + 1;
            total += r.count;
        }
    });
    for (size_t n = 0; n < s.nodes.size(); ++n) {
        const State::Node& node = s.nodes[n];
        repeated[end[node.repeat]++] = node.occurrence;
    }
    std::string defanged;
    s.arena.for_each([&](const Record& e, uint64_t) {
        IndicatorView view;
        view.type = e.type;
        view.value = e.value();
        defanged.clear();
        defang_append(defanged, e.type, view.value, impl.style);
        view.defanged = defanged;
        view.occurrences =
            e.count == 1
                ? std::span<const Occurrence>(&e.first_occurrence, 1)
                : std::span<const Occurrence>(repeated.data() + end[e.repeat] - e.count, e.count);
        view.ip_class = detail::ip_class_of(e.type, view.value);
        const std::vector<std::string> lists = impl.lists.lookup(e.type, view.value);
        view.warninglists = lists;
        fn(view);
    });
}

std::vector<Indicator> IndicatorSet::take() {
    std::vector<Indicator> out;
    out.reserve(state_->records);
    visit([&](const IndicatorView& v) {
        Indicator ind;
        ind.type = v.type;
        ind.value.assign(v.value);
        ind.defanged.assign(v.defanged);
        ind.occurrences.assign(v.occurrences.begin(), v.occurrences.end());
        ind.ip_class = v.ip_class;
        ind.warninglists.assign(v.warninglists.begin(), v.warninglists.end());
        out.push_back(std::move(ind));
    });
    State& s = *state_;
    s.records = 0;
    s.nodes.clear();
    s.repeated_records = 0;
    s.arena.clear();
    s.table.assign(1024, 0);
    return out;
}

} // namespace casefile::ioc
