#include "ioc/piece_scanner.hpp"

#include <cstring>

namespace casefile::ioc::detail {

namespace {

uint64_t load64(const char* p) {
    uint64_t v = 0;
    std::memcpy(&v, p, sizeof v);
    return v;
}

} // namespace

uint64_t indicator_key_hash(model::IndicatorType type, std::string_view value) {
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

void PieceScanner::scan(std::string_view piece, ScannedPiece& out) {
    out.matches.clear();
    out.values.clear();
    out.newlines = 0;
    out.last_line_start = 0;
    piece_ = piece;
    out_ = &out;
    next_newline_ = find_newline(0);
    normalize(piece, RefangMode::extract, norm_);
    MatchSink sink{[](void* p, const RawMatch& raw) { static_cast<PieceScanner*>(p)->add(raw); },
                   this};
    Scanner scanner(*rules_, caches_, norm_, settings_, sink);
    scanner.run();
    count_lines_to(piece.size());
}

size_t PieceScanner::find_newline(size_t from) const {
    const void* nl = from < piece_.size()
                         ? std::memchr(piece_.data() + from, '\n', piece_.size() - from)
                         : nullptr;
    return nl == nullptr ? piece_.size()
                         : static_cast<size_t>(static_cast<const char*>(nl) - piece_.data());
}

// One memchr per line, not one per match: matches are many more than lines.
void PieceScanner::count_lines_to(size_t pos) {
    while (next_newline_ < pos) {
        ++out_->newlines;
        out_->last_line_start = static_cast<uint32_t>(next_newline_ + 1);
        next_newline_ = find_newline(next_newline_ + 1);
    }
}

void PieceScanner::add(const RawMatch& raw) {
    const uint64_t begin = norm_.original_begin(raw.begin);
    const uint64_t end = norm_.original_end(raw.end);
    count_lines_to(begin);
    PieceMatch& m = out_->matches.emplace_back();
    m.hash = indicator_key_hash(raw.type, raw.value);
    m.offset = static_cast<uint32_t>(begin);
    m.length = static_cast<uint32_t>(end - begin);
    m.value_begin = static_cast<uint32_t>(out_->values.size());
    m.value_size = static_cast<uint32_t>(raw.value.size());
    m.line = out_->newlines;
    m.line_start = out_->last_line_start;
    m.type = raw.type;
    out_->values.append(raw.value);
}

} // namespace casefile::ioc::detail
