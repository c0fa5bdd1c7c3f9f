#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ioc/extractor.hpp"
#include "ioc/indicator.hpp"

namespace casefile::ioc {

/// One aggregated indicator as IndicatorSet::visit() hands it out: views into the set, valid
/// during the callback only.
struct IndicatorView {
    model::IndicatorType type = model::IndicatorType::other;
    std::string_view value;
    std::string_view defanged;
    /// All its occurrences in input order, or one slice of them from a listing that slices.
    std::span<const Occurrence> occurrences;
    size_t count = 0;       ///< its occurrences in all
    size_t slice_begin = 0; ///< index of occurrences[0] among all of them
    std::optional<IpClass> ip_class;
    std::span<const std::string> warninglists;

    [[nodiscard]] bool first_slice() const { return slice_begin == 0; }
    [[nodiscard]] bool last_slice() const { return slice_begin + occurrences.size() == count; }
};

/// The indicators of an IndicatorSet in visit() order, cut into consecutive runs that several
/// threads may read at once (to format a large set in parallel). Valid while the set is unchanged.
class IndicatorListing {
public:
    IndicatorListing(IndicatorListing&&) noexcept;
    IndicatorListing& operator=(IndicatorListing&&) noexcept;
    ~IndicatorListing();

    [[nodiscard]] size_t runs() const;

    /// Calls `fn` for each indicator of run `k`, in visit() order. Different runs may be
    /// visited at the same time on different threads.
    void visit_run(size_t k, const std::function<void(const IndicatorView&)>& fn) const;

private:
    friend class IndicatorSet;
    struct Data;
    explicit IndicatorListing(std::unique_ptr<Data> data);
    std::unique_ptr<Data> data_;
};

/// Aggregates indicators over several texts, or over a large input fed in line-aligned chunks.
/// Memory grows with the unique indicators and their occurrences only, never with the input.
class IndicatorSet {
public:
    IndicatorSet(const Extractor& extractor, const ExtractOptions& options);
    IndicatorSet(IndicatorSet&&) noexcept;
    IndicatorSet& operator=(IndicatorSet&&) = delete;
    ~IndicatorSet();

    /// Starts a new input (a file name, "-" for stdin); later chunks belong to it. Returns its
    /// index, which Occurrence::source refers to.
    uint32_t add_source(std::string name);

    /// Sizes the indicator table for about `input_bytes` of log text before the first chunk, so
    /// that it need not be rebuilt as it fills (a hint: the table still grows when needed).
    void expect_input(uint64_t input_bytes);

    /// Scans each chunk on `threads` threads (the caller's among them; 1 by default). The
    /// result is the same for any number.
    void use_threads(unsigned threads);

    /// Scans the next chunk of the current input. Chunks must be consecutive and should end at a
    /// line boundary (an indicator split across two chunks is not found).
    void add_chunk(std::string_view chunk);

    /// Bytes scanned so far over all inputs.
    [[nodiscard]] uint64_t bytes_scanned() const;

    [[nodiscard]] const std::vector<std::string>& sources() const;

    /// Number of distinct indicators so far.
    [[nodiscard]] size_t size() const;

    /// Calls `fn` for each indicator, classified and defanged, ordered by type and then by first
    /// occurrence; occurrences are in input order. Cheaper than take() for very large sets.
    void visit(const std::function<void(const IndicatorView&)>& fn) const;

    /// What visit() walks, in runs for several threads. An indicator with more than
    /// `slice_occurrences` occurrences is handed out as slices of that many (the last shorter),
    /// each a run of its own: no run then holds more than that many occurrences, however often
    /// an indicator recurs.
    [[nodiscard]] IndicatorListing listing(size_t slice_occurrences = SIZE_MAX) const;

    /// The indicators in visit() order. Leaves the set empty.
    [[nodiscard]] std::vector<Indicator> take();

private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace casefile::ioc
