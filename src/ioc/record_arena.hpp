#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string_view>
#include <vector>

#include "ioc/indicator.hpp"

// The storage behind IndicatorSet: its records, their values, and its list of repeat
// occurrences, laid out so that the set never moves what it stores.
namespace casefile::ioc::detail {

/// Record::repeat of a record seen once.
constexpr uint32_t kNotRepeated = 0xFFFFFFFFu;
constexpr size_t kTypeCount = static_cast<size_t>(model::IndicatorType::other) + 1;

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
    std::vector<std::vector<T>> blocks_;
    size_t size_ = 0;
};

/// What the set knows about one distinct indicator; stored in the RecordArena right before its
/// value, so a lookup that finds the slot reads header and value from the same cache lines.
struct Record {
    uint64_t hash = 0;           ///< indicator_key_hash(): rebuilding the table needs no rehashing
    Occurrence first_occurrence; ///< inline: most indicators occur once
    uint32_t repeat =
        kNotRepeated; ///< index among the records seen twice or more, else kNotRepeated
    uint32_t count = 0;
    uint32_t value_size = 0;
    model::IndicatorType type = model::IndicatorType::other;

    [[nodiscard]] std::string_view value() const {
        return {reinterpret_cast<const char*>(this + 1), value_size};
    }
};

/// Records with their values, appended in blocks that never move (64 KiB at first, then up to
/// 2 MiB); a record never straddles two blocks. Each type fills blocks of its own,
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
            // Small first blocks: a type seen a few times should not take 2 MiB.
            const size_t doubled = kFirstBlock << std::min<size_t>(tail.blocks.size(), 5);
            tail.block_size = std::max(std::min(kBlock, doubled), size);
            tail.blocks.push_back(blocks_.size());
            // Not zeroed: only the bytes of added records are ever read.
            blocks_.push_back(std::make_unique_for_overwrite<std::byte[]>(tail.block_size));
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
    /// Calls fn(record, location) for every record of `block` from byte `begin` up to byte
    /// `end`, in insertion order.
    template <class Fn> void for_each_in(size_t block, size_t begin, size_t end, Fn&& fn) const {
        const std::byte* base = blocks_[block].get();
        for (size_t offset = begin; offset < end;) {
            const auto& r = *std::launder(reinterpret_cast<const Record*>(base + offset));
            fn(r, (uint64_t{block} << kOffsetBits) | offset);
            offset += record_size(r.value_size);
        }
    }
    /// Calls fn(record, location) for every record of `block`, in insertion order.
    template <class Fn> void for_each_in(size_t block, Fn&& fn) const {
        for_each_in(block, 0, used_[block], fn);
    }
    /// Calls fn(record, location) for every record, type after type (in IndicatorType order) and
    /// in order of insertion within a type.
    template <class Fn> void for_each(Fn&& fn) const {
        for (const Tail& tail : tails_) {
            for (size_t block : tail.blocks) {
                for_each_in(block, fn);
            }
        }
    }
    void clear() {
        blocks_.clear();
        used_.clear();
        tails_ = {};
    }

    /// Header plus value, rounded up so the next header stays aligned.
    [[nodiscard]] static size_t record_size(size_t value_size) {
        return (sizeof(Record) + value_size + alignof(Record) - 1) & ~(alignof(Record) - 1);
    }

private:
    using Block = std::unique_ptr<std::byte[]>;
    /// The blocks one type has filled so far; records go to the last one.
    struct Tail {
        std::vector<size_t> blocks;
        size_t block_size = 0; ///< capacity of the last block
    };
    std::vector<Block> blocks_;
    std::vector<size_t> used_; ///< bytes of records in each block
    std::array<Tail, kTypeCount> tails_{};
};

} // namespace casefile::ioc::detail
