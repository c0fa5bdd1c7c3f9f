#include "cli/ioc_output.hpp"

#include <array>
#include <charconv>
#include <span>

#include "core/text.hpp"

namespace casefile::cli {

namespace {

/// Buffered writer: indicator lists run to hundreds of megabytes, so no per-value stdio calls.
class Sink {
public:
    explicit Sink(std::FILE* f) : f_(f) { buf_.reserve(kFlushAt + 4096); }
    // Appends do not check for a flush; callers call maybe_flush() once per indicator.
    void put(std::string_view s) { buf_.append(s); }
    void put(char c) { buf_ += c; }
    void put_uint(uint64_t v) {
        std::array<char, 24> tmp{};
        auto r = std::to_chars(tmp.data(), tmp.data() + tmp.size(), v);
        buf_.append(tmp.data(), r.ptr);
    }
    void json_string(std::string_view s) {
        static constexpr std::string_view kHex = "0123456789abcdef";
        buf_ += '"';
        bool plain = true;
        for (char c : s) {
            const auto u = static_cast<unsigned char>(c);
            plain = plain && u >= 0x20 && c != '"' && c != '\\';
        }
        if (plain) {
            buf_.append(s);
            buf_ += '"';
            return;
        }
        for (char c : s) {
            const auto u = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\') {
                buf_ += '\\';
                buf_ += c;
            } else if (u < 0x20) {
                switch (c) {
                case '\n':
                    buf_ += "\\n";
                    break;
                case '\t':
                    buf_ += "\\t";
                    break;
                case '\r':
                    buf_ += "\\r";
                    break;
                default:
                    buf_ += "\\u00";
                    buf_ += kHex[u >> 4];
                    buf_ += kHex[u & 0xF];
                }
            } else {
                buf_ += c;
            }
        }
        buf_ += '"';
    }
    /// `s` as a JSON string literal.
    static std::string escaped(std::string_view s) {
        Sink tmp(nullptr);
        tmp.json_string(s);
        return std::move(tmp.buf_);
    }
    void csv_field(std::string_view s) {
        if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
            put(s);
            return;
        }
        buf_ += '"';
        for (char c : s) {
            if (c == '"') {
                buf_ += '"';
            }
            buf_ += c;
        }
        buf_ += '"';
    }
    Status finish() {
        flush();
        if (failed_ || std::fflush(f_) != 0) {
            return fail(ErrorCode::io, "cannot write the output",
                        "check free disk space, or whether the reading end of the pipe closed");
        }
        return {};
    }

    void maybe_flush() {
        if (buf_.size() >= kFlushAt) {
            flush();
        }
    }

private:
    static constexpr size_t kFlushAt = size_t{1} << 20;
    void flush() {
        if (f_ == nullptr) {
            return; // an in-memory sink (escaped())
        }
        if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size()) {
            failed_ = true;
        }
        buf_.clear();
    }
    std::FILE* f_;
    std::string buf_;
    bool failed_ = false;
};

std::string_view classification(const ioc::IndicatorView& ind) {
    return ind.ip_class ? ioc::to_string(*ind.ip_class) : std::string_view();
}

void write_json(Sink& out, const ioc::IndicatorSet& set, const std::vector<std::string>& files) {
    // Each source's name is escaped once: it is repeated in every occurrence.
    std::vector<std::string> file_json;
    file_json.reserve(files.size());
    for (const std::string& f : files) {
        file_json.push_back(Sink::escaped(f));
    }
    out.put(R"({"indicators": [)");
    bool first = true;
    set.visit([&](const ioc::IndicatorView& ind) {
        out.put(first ? "\n" : ",\n");
        first = false;
        out.put(R"({"type": ")");
        out.put(model::to_string(ind.type));
        out.put(R"(", "value": )");
        out.json_string(ind.value);
        out.put(", \"defanged\": ");
        out.json_string(ind.defanged);
        out.put(", \"count\": ");
        out.put_uint(ind.occurrences.size());
        out.put(", \"occurrences\": [");
        bool first_occ = true;
        size_t written = 0;
        for (const ioc::Occurrence& o : ind.occurrences) {
            if (++written % 1024 == 0) {
                out.maybe_flush(); // one indicator can occur millions of times
            }
            out.put(first_occ ? "{\"file\": " : ", {\"file\": ");
            first_occ = false;
            out.put(file_json[o.source]);
            out.put(", \"offset\": ");
            out.put_uint(o.offset);
            out.put(", \"line\": ");
            out.put_uint(o.line);
            out.put(", \"column\": ");
            out.put_uint(o.column);
            out.put('}');
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
        out.maybe_flush();
    });
    out.put(first ? "]}\n" : "\n]}\n");
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

void write_csv(Sink& out, const ioc::IndicatorSet& set, const std::vector<std::string>& files) {
    out.put("type,value,defanged,count,classification,warninglists,first_file,first_line,"
            "first_column\n");
    set.visit([&](const ioc::IndicatorView& ind) {
        out.put(model::to_string(ind.type));
        out.put(',');
        out.csv_field(ind.value);
        out.put(',');
        out.csv_field(ind.defanged);
        out.put(',');
        out.put_uint(ind.occurrences.size());
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
        out.maybe_flush();
    });
}

void write_text(Sink& out, const ioc::IndicatorSet& set, const std::vector<std::string>& files) {
    set.visit([&](const ioc::IndicatorView& ind) {
        const std::string_view type = model::to_string(ind.type);
        out.put(type);
        for (size_t pad = type.size(); pad < 18; ++pad) {
            out.put(' ');
        }
        out.put(ind.defanged);
        out.put("  x");
        out.put_uint(ind.occurrences.size());
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
        out.maybe_flush();
    });
}

} // namespace

Status write_indicators(std::FILE* f, IocFormat format, const ioc::IndicatorSet& set) {
    std::vector<std::string> files;
    files.reserve(set.sources().size());
    for (const std::string& s : set.sources()) {
        files.push_back(sanitize_utf8(s == "-" ? std::string("<stdin>") : s));
    }
    Sink out(f);
    switch (format) {
    case IocFormat::json:
        write_json(out, set, files);
        break;
    case IocFormat::csv:
        write_csv(out, set, files);
        break;
    case IocFormat::text:
        write_text(out, set, files);
        break;
    }
    return out.finish();
}

} // namespace casefile::cli
