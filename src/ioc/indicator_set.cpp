#include "ioc/indicator_set.hpp"

#include <algorithm>
#include <cstring>

#include "core/ordered_pool.hpp"
#include "ioc/extractor_impl.hpp"
#include "ioc/piece_scanner.hpp"
#include "ioc/record_arena.hpp"

namespace casefile::ioc {

using detail::BlockVector;
using detail::Record;
using detail::RecordArena;
using model::IndicatorType;

namespace {

constexpr size_t kPiece = size_t{64} << 10; // bytes pre-passed and scanned together
constexpr size_t kMaxPiece = size_t{256} << 20;

} // namespace

struct IndicatorSet::State {
    /// Second and later occurrences, in input order; visit() sorts them by record in one pass.
    struct Node {
        Occurrence occurrence;
        uint32_t repeat = detail::kNotRepeated; ///< Record::repeat of its record
    };
    const Extractor* extractor = nullptr;
    detail::ScanSettings settings;
    std::vector<std::string> sources;
    uint32_t current = 0;
    uint64_t source_offset = 0; ///< bytes of the current source before this chunk
    uint32_t line = 1;
    uint64_t line_start = 0; ///< source offset of the current line's first byte
    uint64_t total = 0;
    // Scanning on `threads` threads, set up by the first chunk.
    unsigned threads = 1;
    std::unique_ptr<OrderedPool> pool;
    std::vector<std::unique_ptr<detail::PieceScanner>> scanners; ///< one per thread
    std::vector<std::string_view> pieces;      ///< of the current chunk, back to back
    std::vector<detail::ScannedPiece> scanned; ///< ring of what pieces in flight hold

    RecordArena arena;
    size_t records = 0; ///< distinct indicators
    /// Open addressing; a slot holds (top 24 hash bits << 40 | record location + 1), 0 when
    /// free, and the home slot comes from the low hash bits: a probe reads a record only when
    /// all 24 tag bits agree.
    static constexpr unsigned kLocationBits = 40;
    static constexpr uint64_t kLocationMask = (uint64_t{1} << kLocationBits) - 1;
    using Table = std::vector<uint64_t>;
    Table table = Table(1024, 0);
    BlockVector<Node> nodes;
    size_t repeated_records = 0; ///< records with more than one occurrence

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

    void insert(IndicatorType type, uint64_t hash, std::string_view value,
                const Occurrence& occurrence) {
        const uint64_t tag = tag_of(hash);
        const size_t mask = table.size() - 1;
        size_t slot = hash & mask;
        while (table[slot] != 0) {
            const uint64_t v = table[slot];
            if ((v >> kLocationBits) == tag) {
                Record& r = arena.at((v & kLocationMask) - 1);
                if (r.type == type && r.value() == value) {
                    if (r.count == 1) {
                        r.repeat = static_cast<uint32_t>(repeated_records++);
                    }
                    ++r.count;
                    nodes.push_back(Node{occurrence, r.repeat});
                    return;
                }
            }
            slot = (slot + 1) & mask;
        }
        Record r;
        r.hash = hash;
        r.first_occurrence = occurrence;
        r.count = 1;
        r.value_size = static_cast<uint32_t>(value.size());
        r.type = type;
        const uint64_t location = arena.add(r, value);
        ++records;
        table[slot] = (tag << kLocationBits) | (location + 1);
        if (records * 2 > table.size()) {
            grow();
        }
    }

    /// Adds the matches of one scanned piece, which starts `piece_offset` bytes into the
    /// current chunk and follows everything merged before it.
    void merge(const detail::ScannedPiece& piece, uint64_t piece_offset) {
        // Most matches are new values whose table slot is not in cache: touch the slot of the
        // match a few places ahead, so it has arrived when that match is looked up.
        constexpr size_t kAhead = 16;
        const auto& matches = piece.matches;
        for (size_t k = 0; k < std::min(matches.size(), kAhead); ++k) {
            __builtin_prefetch(&table[matches[k].hash & (table.size() - 1)]);
        }
        const uint64_t base = source_offset + piece_offset;
        for (size_t k = 0; k < matches.size(); ++k) {
            if (k + kAhead < matches.size()) {
                __builtin_prefetch(&table[matches[k + kAhead].hash & (table.size() - 1)]);
            }
            const detail::PieceMatch& m = matches[k];
            Occurrence occ;
            occ.offset = base + m.offset;
            occ.length = m.length;
            occ.line = line + m.line;
            const uint64_t start = m.line == 0 ? line_start : base + m.line_start;
            occ.column = static_cast<uint32_t>(occ.offset - start + 1);
            occ.source = current;
            insert(m.type, m.hash, piece.value(m), occ);
        }
        if (piece.newlines != 0) {
            line += piece.newlines;
            line_start = base + piece.last_line_start;
        }
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

void IndicatorSet::use_threads(unsigned threads) {
    State& s = *state_;
    s.threads = std::max(threads, 1U);
    if (s.pool && s.pool->threads() != s.threads) {
        s.pool.reset();
        s.scanners.clear();
    }
}

void IndicatorSet::add_chunk(std::string_view chunk) {
    State& s = *state_;
    if (s.sources.empty()) {
        add_source("");
    }
    if (!s.pool) {
        s.pool = std::make_unique<OrderedPool>(s.threads);
        for (unsigned t = 0; t < s.threads; ++t) {
            s.scanners.push_back(
                std::make_unique<detail::PieceScanner>(s.extractor->impl_->rules, s.settings));
        }
        s.scanned = std::vector<detail::ScannedPiece>(size_t{2} * s.threads);
    }
    // Pieces of whole lines, each pre-passed and scanned while it is still in cache: a chunk is
    // read twice, and a piece without defang notation is scanned in place, not copied. A line
    // longer than kMaxPiece is cut (piece offsets are 32-bit); ChunkReader never makes one.
    s.pieces.clear();
    size_t from = 0;
    while (from < chunk.size()) {
        size_t end = std::min(chunk.size(), from + kMaxPiece);
        if (chunk.size() - from > kPiece) {
            const void* nl = std::memchr(chunk.data() + from + kPiece, '\n', end - from - kPiece);
            if (nl != nullptr) {
                end = static_cast<size_t>(static_cast<const char*>(nl) - chunk.data()) + 1;
            }
        }
        s.pieces.push_back(chunk.substr(from, end - from));
        from = end;
    }
    // Two pieces per thread in flight, whatever the chunk's size: what they found is held in a
    // ring of that many results until it is merged.
    const size_t window = s.scanned.size();
    s.pool->run(
        s.pieces.size(), window,
        [&s, window](size_t k, unsigned thread) {
            s.scanners[thread]->scan(s.pieces[k], s.scanned[k % window]);
        },
        [&s, window, chunk](size_t k) {
            s.merge(s.scanned[k % window],
                    static_cast<uint64_t>(s.pieces[k].data() - chunk.data()));
        });
    s.source_offset += chunk.size();
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

/// An IndicatorListing's view of the set: each run is a stretch of records in one arena block.
struct IndicatorListing::Data {
    struct Run {
        uint64_t begin = 0; ///< location of its first record
        uint64_t end = 0;   ///< location just past its last record, in the same block
        /// A run of one record may hand out a slice of its occurrences only: [from, to).
        uint64_t from = 0;
        uint64_t to = UINT64_MAX;
    };
    const RecordArena* arena = nullptr;
    const Warninglists* lists = nullptr;
    DefangStyle style;
    std::vector<Run> runs;
    /// Occurrences of the records seen more than once, laid out contiguously by record;
    /// end[Record::repeat] is the place after a record's last.
    std::vector<Occurrence> repeated;
    std::vector<uint64_t> end;
};

IndicatorListing::IndicatorListing(std::unique_ptr<Data> data) : data_(std::move(data)) {}
IndicatorListing::IndicatorListing(IndicatorListing&&) noexcept = default;
IndicatorListing& IndicatorListing::operator=(IndicatorListing&&) noexcept = default;
IndicatorListing::~IndicatorListing() = default;

size_t IndicatorListing::runs() const {
    return data_->runs.size();
}

void IndicatorListing::visit_run(size_t k,
                                 const std::function<void(const IndicatorView&)>& fn) const {
    const Data& d = *data_;
    std::string defanged;
    const Data::Run run = d.runs[k];
    const size_t block = run.begin >> RecordArena::kOffsetBits;
    const size_t begin = run.begin & (RecordArena::kBlock - 1);
    const size_t end = begin + (run.end - run.begin);
    d.arena->for_each_in(block, begin, end, [&](const Record& e, uint64_t) {
        IndicatorView view;
        view.type = e.type;
        view.value = e.value();
        defanged.clear();
        defang_append(defanged, e.type, view.value, d.style);
        view.defanged = defanged;
        const std::span<const Occurrence> all =
            e.count == 1 ? std::span<const Occurrence>(&e.first_occurrence, 1)
                         : std::span<const Occurrence>(
                               d.repeated.data() + d.end[e.repeat] - e.count, e.count);
        view.count = e.count;
        view.slice_begin = run.from; // 0, or below the count of a record that was sliced
        view.occurrences = all.subspan(run.from, std::min<uint64_t>(run.to, e.count) - run.from);
        view.ip_class = detail::ip_class_of(e.type, view.value);
        const std::vector<std::string> lists = d.lists->lookup(e.type, view.value);
        view.warninglists = lists;
        fn(view);
    });
}

IndicatorListing IndicatorSet::listing(size_t slice_occurrences) const {
    const State& s = *state_;
    auto d = std::make_unique<IndicatorListing::Data>();
    d->arena = &s.arena;
    d->lists = &s.extractor->impl_->lists;
    d->style = s.extractor->impl_->style;
    // Most indicators occur once: their one occurrence is handed out from the record itself.
    // The others get their occurrences laid out contiguously in `repeated`, in visit order, by
    // one sequential pass over the nodes (a counting sort by record). `end`, indexed by
    // Record::repeat (small: only repeated records have one), holds each such record's next free
    // place, then (after the pass) the place after its last.
    //
    // The same pass cuts the records into runs of about kRunWeight, and a record with more than
    // `slice` occurrences into runs of one slice each: a run's text (a few hundred KiB) then
    // stays in cache from formatting to writing, and no run's text grows with the input.
    constexpr uint64_t kRunWeight = uint64_t{1} << 16; ///< value bytes, plus 64 per occurrence
    d->end.resize(s.repeated_records);
    d->repeated.resize(s.nodes.size() + s.repeated_records);
    uint64_t total = 0;
    uint64_t weight = 0;
    const size_t slice = std::max<size_t>(slice_occurrences, 1);
    s.arena.for_each([&](const Record& r, uint64_t at) {
        const uint64_t past = at + RecordArena::record_size(r.value_size);
        if (r.count > slice) {
            for (uint64_t from = 0; from < r.count; from += slice) {
                d->runs.push_back({at, past, from, from + slice});
            }
            weight = kRunWeight; // the next record starts a run of its own
        } else {
            // Records of one block lie back to back; a full block can end where the next
            // begins.
            const bool same_block =
                !d->runs.empty() && (d->runs.back().begin >> RecordArena::kOffsetBits) ==
                                        (at >> RecordArena::kOffsetBits);
            if (!same_block || weight >= kRunWeight) {
                d->runs.push_back({at, at});
                weight = 0;
            }
            weight += r.value_size + uint64_t{64} * r.count;
            d->runs.back().end = past;
        }
        if (r.count > 1) {
            d->repeated[total] = r.first_occurrence;
            d->end[r.repeat] = total + 1;
            total += r.count;
        }
    });
    for (size_t n = 0; n < s.nodes.size(); ++n) {
        const State::Node& node = s.nodes[n];
        d->repeated[d->end[node.repeat]++] = node.occurrence;
    }
    return IndicatorListing(std::move(d));
}

void IndicatorSet::visit(const std::function<void(const IndicatorView&)>& fn) const {
    const IndicatorListing all = listing();
    for (size_t k = 0; k < all.runs(); ++k) {
        all.visit_run(k, fn);
    }
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
