#include "cli/ioc_output.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <memory>
#include <span>

#include "core/ordered_pool.hpp"
#include "core/text.hpp"

namespace casefile::cli {

namespace {

/// Buffered writer: indicator lists run to hundreds of megabytes, so no per-value stdio calls,
/// and appends are plain copies into one buffer (no per-append growth checks of std::string).
class Sink {
public:
    /// `capacity` bytes are buffered before a write; an in-memory sink (no file) grows instead.
    explicit Sink(std::FILE* f, size_t capacity = kCapacity)
        : f_(f), buf_(std::make_unique_for_overwrite<char[]>(capacity)), cap_(capacity) {}
    void put(std::string_view s) {
        room(s.size());
        // std::copy, not memcpy: an empty view may have a null data pointer.
        std::copy(s.begin(), s.end(), buf_.get() + len_);
        len_ += s.size();
    }
    void put(char c) {
        room(1);
        buf_[len_++] = c;
    }
    void put_uint(uint64_t v) {
        room(kMaxUint);
        len_ = static_cast<size_t>(
            std::to_chars(buf_.get() + len_, buf_.get() + len_ + kMaxUint, v).ptr - buf_.get());
    }
    /// Writes one occurrence object after one check for room: they run to millions.
    void occurrence(std::string_view start, const ioc::Occurrence& o) {
        constexpr std::string_view kLine = ", \"line\": ";
        constexpr std::string_view kColumn = ", \"column\": ";
        room(start.size() + 3 * kMaxUint + kLine.size() + kColumn.size() + 1);
        char* at = buf_.get() + len_;
        auto copy = [&at](std::string_view s) { at = std::copy(s.begin(), s.end(), at); };
        copy(start);
        at = std::to_chars(at, at + kMaxUint, o.offset).ptr;
        copy(kLine);
        at = std::to_chars(at, at + kMaxUint, o.line).ptr;
        copy(kColumn);
        at = std::to_chars(at, at + kMaxUint, o.column).ptr;
        *at++ = '}';
        len_ = static_cast<size_t>(at - buf_.get());
    }
    void json_string(std::string_view s) {
        // No early exit: the compiler checks many bytes at a time, and nearly every value is plain.
        unsigned escapes = 0;
        for (char c : s) {
            const auto u = static_cast<unsigned char>(c);
            escapes |= static_cast<unsigned>(u < 0x20) | static_cast<unsigned>(u == '"') |
                       static_cast<unsigned>(u == '\\');
        }
        if (escapes == 0) {
            room(s.size() + 2);
            buf_[len_++] = '"';
            std::copy(s.begin(), s.end(), buf_.get() + len_);
            len_ += s.size();
            buf_[len_++] = '"';
            return;
        }
        std::string quoted;
        append_json_string(quoted, s);
        put(quoted);
    }
    /// `s` as a JSON string literal.
    static std::string escaped(std::string_view s) {
        Sink tmp(nullptr, s.size() + 2);
        tmp.json_string(s);
        return std::string(tmp.buf_.get(), tmp.len_);
    }
    void csv_field(std::string_view s) {
        if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
            put(s);
            return;
        }
        put('"');
        for (char c : s) {
            if (c == '"') {
                put('"');
            }
            put(c);
        }
        put('"');
    }
    /// Writes `s` straight to the file after what is buffered, without copying it: for large
    /// texts formatted elsewhere. A memory sink appends it.
    void write_through(std::string_view s) {
        if (f_ == nullptr) {
            put(s);
            return;
        }
        flush();
        if (!s.empty() && std::fwrite(s.data(), 1, s.size(), f_) != s.size()) {
            failed_ = true;
        }
    }
    /// What a memory sink holds.
    [[nodiscard]] std::string_view text() const { return {buf_.get(), len_}; }
    void clear() { len_ = 0; }
    Status finish() {
        flush();
        if (failed_ || std::fflush(f_) != 0) {
            return fail(ErrorCode::io, "cannot write the output",
                        "check free disk space, or whether the reading end of the pipe closed");
        }
        return {};
    }

private:
    static constexpr size_t kCapacity = size_t{2} << 20;
    static constexpr size_t kMaxUint = 20; // digits of the largest uint64_t

    /// Makes room for `n` more bytes: flushes when the buffer is full, and grows it only for a
    /// single value larger than the buffer (or in an in-memory sink).
    void room(size_t n) {
        if (len_ + n <= cap_) {
            return;
        }
        flush();
        if (len_ + n > cap_) {
            const size_t bigger = std::max(cap_ * 2, len_ + n);
            auto grown = std::make_unique_for_overwrite<char[]>(bigger);
            std::memcpy(grown.get(), buf_.get(), len_);
            buf_ = std::move(grown);
            cap_ = bigger;
        }
    }
    void flush() {
        if (f_ == nullptr) {
            return; // an in-memory sink (escaped())
        }
        if (len_ != 0 && std::fwrite(buf_.get(), 1, len_, f_) != len_) {
            failed_ = true;
        }
        len_ = 0;
    }
    std::FILE* f_;
    std::unique_ptr<char[]> buf_;
    size_t cap_;
    size_t len_ = 0;
    bool failed_ = false;
};

/// First size of the memory sink of one run of indicators formatted on a helper thread.
constexpr size_t kRunText = size_t{1} << 20;
/// Occurrences per slice of an indicator in JSON (about 100 KiB of text): an indicator seen
/// millions of times is then formatted in many runs, not held whole in one sink.
constexpr size_t kJsonSlice = 1024;
/// CSV and text name an indicator's first occurrence only: no slices.
constexpr size_t kWhole = SIZE_MAX;

std::string_view classification(const ioc::IndicatorView& ind) {
    return ind.ip_class ? ioc::to_string(*ind.ip_class) : std::string_view();
}

/// Each source's name as an escaped JSON prefix of its occurrences: it begins every one.
std::vector<std::string> occurrence_starts(const std::vector<std::string>& files) {
    std::vector<std::string> starts;
    starts.reserve(files.size());
    for (const std::string& f : files) {
        starts.push_back("{\"file\": " + Sink::escaped(f) + ", \"offset\": ");
    }
    return starts;
}

/// Writes one indicator, or one slice of its occurrences: the first slice opens the object and
/// the last one closes it.
void json_indicator(Sink& out, const ioc::IndicatorView& ind, bool first,
                    const std::vector<std::string>& occurrence_start) {
    if (ind.first_slice()) {
        out.put(first ? "\n" : ",\n");
        out.put(R"({"type": ")");
        out.put(model::to_string(ind.type));
        out.put(R"(", "value": )");
        out.json_string(ind.value);
        out.put(", \"defanged\": ");
        out.json_string(ind.defanged);
        out.put(", \"count\": ");
        out.put_uint(ind.count);
        out.put(", \"occurrences\": [");
    }
    bool first_occ = ind.first_slice();
    for (const ioc::Occurrence& o : ind.occurrences) {
        if (!first_occ) {
            out.put(", ");
        }
        first_occ = false;
        out.occurrence(occurrence_start[o.source], o);
    }
    if (!ind.last_slice()) {
        return;
    }
    out.put("], \"classification\": ");
    if (ind.ip_class) {
        out.put('"');
        out.put(classification(ind));
        out.put('"');
    } else {
        out.put("null");
    }
    out.put(", \"warninglists\": [");
    for (size_t k = 0; k < ind.warninglists.size(); ++k) {
        if (k > 0) {
            out.put(", ");
        }
        out.json_string(ind.warninglists[k]);
    }
    out.put("]}");
}

std::string joined(std::span<const std::string> parts, std::string_view sep) {
    std::string out;
    for (size_t k = 0; k < parts.size(); ++k) {
        if (k > 0) {
            out += sep;
        }
        out += parts[k];
    }
    return out;
}

void csv_indicator(Sink& out, const ioc::IndicatorView& ind,
                   const std::vector<std::string>& files) {
    out.put(model::to_string(ind.type));
    out.put(',');
    out.csv_field(ind.value);
    out.put(',');
    out.csv_field(ind.defanged);
    out.put(',');
    out.put_uint(ind.count);
    out.put(',');
    out.put(classification(ind));
    out.put(',');
    out.csv_field(joined(ind.warninglists, ";"));
    out.put(',');
    if (!ind.occurrences.empty()) {
        const ioc::Occurrence& o = ind.occurrences.front();
        out.csv_field(files[o.source]);
        out.put(',');
        out.put_uint(o.line);
        out.put(',');
        out.put_uint(o.column);
    } else {
        out.put(",,");
    }
    out.put('\n');
}

void text_indicator(Sink& out, const ioc::IndicatorView& ind,
                    const std::vector<std::string>& files) {
    const std::string_view type = model::to_string(ind.type);
    out.put(type);
    for (size_t pad = type.size(); pad < 18; ++pad) {
        out.put(' ');
    }
    out.put(ind.defanged);
    out.put("  x");
    out.put_uint(ind.count);
    if (ind.ip_class) {
        out.put("  ");
        out.put(classification(ind));
    }
    if (!ind.warninglists.empty()) {
        out.put("  warninglists: ");
        out.put(joined(ind.warninglists, "; "));
    }
    if (!ind.occurrences.empty()) {
        const ioc::Occurrence& o = ind.occurrences.front();
        out.put("  first: ");
        if (!files[o.source].empty()) {
            out.put(files[o.source]);
            out.put(':');
        }
        out.put_uint(o.line);
        out.put(':');
        out.put_uint(o.column);
    }
    out.put('\n');
}

/// Writes every indicator, or every slice of `slice` occurrences, with format(sink, view, first).
/// On several threads each run of the listing is formatted into a memory sink of its own and the
/// texts are written in order, so the output is the same as on one.
template <class Format>
void write_each(Sink& out, const ioc::IndicatorSet& set, unsigned threads, size_t slice,
                Format format) {
    const ioc::IndicatorListing listing = set.listing(slice);
    // Runs are never empty: the first indicator of all is the first of run 0.
    const auto format_run = [&](Sink& sink, size_t k) {
        bool first = k == 0;
        listing.visit_run(k, [&](const ioc::IndicatorView& ind) {
            format(sink, ind, first);
            first = false;
        });
    };
    if (threads <= 1 || listing.runs() <= 1) {
        for (size_t k = 0; k < listing.runs(); ++k) {
            format_run(out, k);
        }
        return;
    }
    // Two runs per thread in flight: one being formatted, one waiting to be written.
    const size_t window = size_t{2} * threads;
    // A cache line of its own for each sink: its length moves with every append, and the
    // sinks next to it are being filled on other threads.
    struct alignas(64) Text {
        Sink sink{nullptr, kRunText};
    };
    std::vector<Text> texts(window);
    OrderedPool pool(threads);
    pool.run(
        listing.runs(), window,
        [&](size_t k, unsigned) {
            Sink& text = texts[k % window].sink;
            text.clear();
            format_run(text, k);
        },
        [&](size_t k) { out.write_through(texts[k % window].sink.text()); });
}

} // namespace

Status write_indicators(std::FILE* f, IocFormat format, const ioc::IndicatorSet& set,
                        unsigned threads) {
    std::vector<std::string> files;
    files.reserve(set.sources().size());
    for (const std::string& s : set.sources()) {
        files.push_back(sanitize_utf8(s == "-" ? std::string("<stdin>") : s));
    }
    Sink out(f);
    switch (format) {
    case IocFormat::json: {
        const std::vector<std::string> starts = occurrence_starts(files);
        out.put(R"({"indicators": [)");
        write_each(out, set, threads, kJsonSlice,
                   [&](Sink& text, const ioc::IndicatorView& ind, bool first) {
                       json_indicator(text, ind, first, starts);
                   });
        out.put(set.size() == 0 ? "]}\n" : "\n]}\n");
        break;
    }
    case IocFormat::csv:
        out.put("type,value,defanged,count,classification,warninglists,first_file,first_line,"
                "first_column\n");
        write_each(out, set, threads, kWhole, [&](Sink& text, const ioc::IndicatorView& ind, bool) {
            csv_indicator(text, ind, files);
        });
        break;
    case IocFormat::text:
        write_each(out, set, threads, kWhole, [&](Sink& text, const ioc::IndicatorView& ind, bool) {
            text_indicator(text, ind, files);
        });
        break;
    }
    return out.finish();
}

} // namespace casefile::cli
