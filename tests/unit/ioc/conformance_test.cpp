// Runs the IoC conformance corpus (the leading extractors' own test cases, in
// reference-data/ioc-conformance/public.jsonl) and reports recall and precision per type.
// Deliberate differences are listed, with reasons, in tests/data/ioc/DEVIATIONS.md; the test
// fails when a figure drops below its pin or a `refanged` case is not matched exactly.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "ioc/defang.hpp"
#include "ioc/extractor.hpp"

namespace casefile::ioc {
namespace {

using model::IndicatorType;
using nlohmann::json;

const char* kCorpus = CASEFILE_SHARED_DIR "/reference-data/ioc-conformance/public.jsonl";
const char* kDeviations = CASEFILE_SOURCE_DIR "/tests/data/ioc/DEVIATIONS.md";

bool verbose() {
    return std::getenv("CASEFILE_CONFORMANCE_VERBOSE") != nullptr;
}

/// Anchor type names -> casefile's; "ipv4_cidr" is scored as a pseudo-type over ipv4 values.
std::optional<std::string> our_type(const std::string& anchor) {
    static const std::set<std::string> kSame{"ipv4",
                                             "ipv6",
                                             "domain",
                                             "url",
                                             "email",
                                             "md5",
                                             "sha1",
                                             "sha256",
                                             "sha512",
                                             "ssdeep",
                                             "imphash",
                                             "cve",
                                             "registry_key",
                                             "file_path",
                                             "btc",
                                             "xmr",
                                             "asn",
                                             "mac",
                                             "attack_technique",
                                             "attack_tactic",
                                             "attack_mitigation",
                                             "ipv4_cidr"};
    if (kSame.count(anchor) != 0) {
        return anchor;
    }
    return std::nullopt;
}

IndicatorType enum_for(const std::string& type) {
    if (type == "ipv4_cidr") {
        return IndicatorType::ipv4;
    }
    return *model::parse_enum<IndicatorType>(type);
}

struct Deviation {
    int line;
    std::string type;
    std::string value; // "*" = every value of the type on that line
};

std::vector<Deviation> load_deviations() {
    std::vector<Deviation> out;
    std::ifstream in(kDeviations);
    std::string row;
    while (std::getline(in, row)) {
        // | L<line> | id | type | value | reason |
        if (row.rfind("| L", 0) != 0) {
            continue;
        }
        std::vector<std::string> cells;
        std::stringstream ss(row.substr(1));
        std::string cell;
        while (std::getline(ss, cell, '|')) {
            cells.emplace_back(trim(cell));
        }
        if (cells.size() < 4) {
            continue;
        }
        std::string value = cells[3];
        if (value.size() >= 2 && value.front() == '`' && value.back() == '`') {
            value = value.substr(1, value.size() - 2);
        }
        out.push_back({std::atoi(cells[0].c_str() + 1), cells[2], value});
    }
    return out;
}

struct Score {
    size_t tp = 0;
    size_t fp = 0;
    size_t fn = 0;
    size_t waived_fn = 0; ///< misses listed in DEVIATIONS.md
    size_t waived_fp = 0; ///< extras listed in DEVIATIONS.md
    [[nodiscard]] double recall() const { return ratio(tp, tp + fn); }
    [[nodiscard]] double precision() const { return ratio(tp, tp + fp); }
    /// The same figures counting deviations as failures.
    [[nodiscard]] double raw_recall() const { return ratio(tp, tp + fn + waived_fn); }
    [[nodiscard]] double raw_precision() const { return ratio(tp, tp + fp + waived_fp); }
    static double ratio(size_t a, size_t b) { return b == 0 ? 1.0 : double(a) / double(b); }
};

struct Result {
    std::map<std::string, Score> per_type;
    size_t refang_cases = 0;
    size_t refang_passed = 0;
    size_t defang_cases = 0;
    size_t defang_passed = 0;
    size_t any_found = 0;
    size_t any_total = 0;
    size_t not_any_hit = 0;
    size_t not_any_total = 0;
    std::vector<std::string> failures;
};

class Conformance {
public:
    explicit Conformance(const Extractor& ex) : ex_(ex), deviations_(load_deviations()) {}

    Result run() {
        std::ifstream in(kCorpus);
        EXPECT_TRUE(in.good()) << "missing " << kCorpus;
        std::string text;
        int line_no = 0;
        while (std::getline(in, text)) {
            ++line_no;
            if (trim(text).empty()) {
                continue;
            }
            const json row = json::parse(text);
            run_row(line_no, row);
        }
        return std::move(result_);
    }

private:
    bool deviated(int line, const std::string& type, const std::string& value) {
        for (const Deviation& d : deviations_) {
            if (d.line == line && d.type == type &&
                (d.value == "*" || d.value == value || d.value == part_)) {
                return true;
            }
        }
        return false;
    }

    std::string canonical(const std::string& type, const std::string& value) {
        auto c = ex_.canonicalize(enum_for(type), value);
        if (!c) {
            // Keep what the anchor wrote; it can only match if we produce it verbatim.
            return value;
        }
        return *c;
    }

    struct Found {
        std::map<std::string, std::set<std::string>> values;
        std::vector<std::string> raw_spans;
    };

    Found extract(const std::string& input) {
        Found found;
        ExtractOptions options;
        options.include_private = true;
        options.domains_from_urls_and_emails = true;
        ex_.scan(input, options, [&](const Match& m) {
            std::string type(model::to_string(m.type));
            found.raw_spans.push_back(input.substr(m.offset, m.length));
            if (m.type == IndicatorType::ipv4 && m.value.find('/') != std::string::npos) {
                found.values["ipv4_cidr"].insert(m.value);
                found.values["ipv4"].insert(m.value.substr(0, m.value.find('/')));
                return;
            }
            found.values[type].insert(m.value);
        });
        return found;
    }

    void score(int line, const std::string& id, const std::string& input, const json& expected,
               bool exhaustive, const std::set<std::string>& extra_types) {
        const Found found = extract(input);
        std::set<std::string> types;
        for (const auto& [key, _] : expected.items()) {
            if (our_type(key)) {
                types.insert(key);
            }
        }
        types.insert(extra_types.begin(), extra_types.end());
        for (const std::string& type : types) {
            std::set<std::string> want;
            bool listed = expected.contains(type);
            if (listed) {
                const json& v = expected[type];
                if (v.is_object()) { // ATT&CK ids per matrix
                    for (const auto& [matrix, ids] : v.items()) {
                        for (const auto& id_value : ids) {
                            want.insert(canonical(type, id_value.get<std::string>()));
                        }
                    }
                } else {
                    for (const auto& value : v) {
                        want.insert(canonical(type, value.get<std::string>()));
                    }
                }
            }
            const auto it = found.values.find(type);
            const std::set<std::string> got =
                it == found.values.end() ? std::set<std::string>{} : it->second;
            Score& s = result_.per_type[type];
            for (const std::string& w : want) {
                if (got.count(w) != 0) {
                    ++s.tp;
                } else if (deviated(line, type, w)) {
                    ++s.waived_fn;
                } else {
                    ++s.fn;
                    result_.failures.push_back(fmt("L{} {} missed {} '{}'", line, id, type, w));
                }
            }
            // False positives count where the row says what the full answer is.
            const bool closed = exhaustive || (listed && want.empty());
            if (!closed) {
                continue;
            }
            for (const std::string& g : got) {
                if (want.count(g) != 0) {
                    continue;
                }
                if (deviated(line, type, g)) {
                    ++s.waived_fp;
                } else {
                    ++s.fp;
                    result_.failures.push_back(fmt("L{} {} extra {} '{}'", line, id, type, g));
                }
            }
        }
    }

    template <class... Args> static std::string fmt(const char* f, Args&&... args) {
        std::string out = f;
        (replace_one(out, to_text(args)), ...);
        return out;
    }
    static std::string to_text(const std::string& s) { return s; }
    static std::string to_text(const char* s) { return s; }
    static std::string to_text(int v) { return std::to_string(v); }
    static void replace_one(std::string& s, const std::string& v) {
        const size_t p = s.find("{}");
        if (p != std::string::npos) {
            s.replace(p, 2, v);
        }
    }

    void run_row(int line, const json& row) {
        const std::string id = row.value("id", json()).is_string() ? row["id"].get<std::string>()
                                                                   : std::string("(xioc)");
        const json& expected = row["expected"];
        const bool exhaustive = row.value("exhaustive", false);
        const std::string source = row.value("source", "");
        if (expected.contains("refanged")) {
            ++result_.refang_cases;
            const std::string got = refang_text(row["input"].get<std::string>());
            if (got == expected["refanged"].get<std::string>()) {
                ++result_.refang_passed;
            } else {
                result_.failures.push_back(fmt("L{} {} refang '{}' != '{}'", line, id, got,
                                               expected["refanged"].get<std::string>()));
            }
            return;
        }
        if (expected.contains("defanged")) {
            ++result_.defang_cases;
            const std::string input = row["input"].get<std::string>();
            DefangStyle style;
            if (source.find("ioc-fanger") != std::string::npos) {
                style.at = "(at)"; // ioc-fanger's house style
            }
            // The cases are single indicators, private addresses included: defang each one.
            std::string got;
            size_t copied = 0;
            ExtractOptions options;
            options.include_private = true;
            ex_.scan(input, options, [&](const Match& m) {
                got += input.substr(copied, m.offset - copied);
                got += defang(m.type, m.value, style);
                copied = m.offset + m.length;
            });
            got += input.substr(copied);
            if (got == expected["defanged"].get<std::string>() || deviated(line, "defanged", "*")) {
                ++result_.defang_passed;
            } else {
                result_.failures.push_back(fmt("L{} {} defang '{}' != '{}'", line, id, got,
                                               expected["defanged"].get<std::string>()));
            }
            return;
        }
        if (expected.contains("any")) {
            score_any(line, id, row["input"].get<std::string>(), expected);
            return;
        }
        if (expected.contains("punycode")) {
            return; // a library helper of the anchor, not extraction
        }
        std::set<std::string> extra;
        if (source.find("xioc") != std::string::npos && exhaustive) {
            extra = {"domain", "url", "email", "ipv4", "ipv6"};
        }
        if (row["input"].is_object()) {
            // iocextract's 12x16x8 URL cross product: every combination must extract.
            const json& cp = row["input"]["cross_product"];
            for (const auto& pre : cp["prepend"]) {
                for (const auto& dom : cp["domain"]) {
                    for (const auto& app : cp["append"]) {
                        const std::string url = pre.get<std::string>() + dom.get<std::string>() +
                                                app.get<std::string>();
                        json want = {{"url", {url}}};
                        part_ = "domain=" + dom.get<std::string>();
                        score(line, id, url, want, false, {});
                        part_.clear();
                    }
                }
            }
            return;
        }
        score(line, id, row["input"].get<std::string>(), expected, exhaustive, extra);
    }

    void score_any(int line, const std::string& id, const std::string& input,
                   const json& expected) {
        const Found found = extract(input);
        auto produced = [&](const std::string& value) {
            for (const std::string& span : found.raw_spans) {
                if (span == value) {
                    return true;
                }
            }
            for (const auto& [type, values] : found.values) {
                if (type == "ipv4_cidr") {
                    continue;
                }
                auto c = ex_.canonicalize(enum_for(type), value);
                if (c && values.count(*c) != 0) {
                    return true;
                }
            }
            return false;
        };
        for (const auto& v : expected["any"]) {
            const std::string value = v.get<std::string>();
            ++result_.any_total;
            if (produced(value) || deviated(line, "any", value)) {
                ++result_.any_found;
            } else {
                result_.failures.push_back(fmt("L{} {} any-missed '{}'", line, id, value));
            }
        }
        for (const auto& v : expected["not_any"]) {
            const std::string value = v.get<std::string>();
            ++result_.not_any_total;
            for (const std::string& span : found.raw_spans) {
                if (span == value) {
                    ++result_.not_any_hit;
                    result_.failures.push_back(fmt("L{} {} not_any-hit '{}'", line, id, value));
                    break;
                }
            }
        }
    }

    const Extractor& ex_;
    std::vector<Deviation> deviations_;
    Result result_;
    std::string part_; ///< "domain=<d>" while scoring a cross-product combination
};

const Result& corpus_result() {
    static const Result result = [] {
        auto ex = Extractor::create();
        EXPECT_TRUE(ex.has_value());
        Conformance c(*ex);
        return c.run();
    }();
    return result;
}

TEST(Conformance, ReportsRecallAndPrecisionPerType) {
    const Result& r = corpus_result();
    std::printf("%-18s %5s %5s %5s %6s %6s %8s %9s | %8s %9s\n", "type", "tp", "fp", "fn", "dev-fn",
                "dev-fp", "recall", "precision", "raw rec.", "raw prec.");
    for (const auto& [type, s] : r.per_type) {
        std::printf("%-18s %5zu %5zu %5zu %6zu %6zu %7.1f%% %8.1f%% | %7.1f%% %8.1f%%\n",
                    type.c_str(), s.tp, s.fp, s.fn, s.waived_fn, s.waived_fp, 100 * s.recall(),
                    100 * s.precision(), 100 * s.raw_recall(), 100 * s.raw_precision());
    }
    std::printf("refang cases: %zu/%zu, defang cases: %zu/%zu\n", r.refang_passed, r.refang_cases,
                r.defang_passed, r.defang_cases);
    std::printf("iocextract corpus: found %zu/%zu, forbidden spans hit %zu/%zu\n", r.any_found,
                r.any_total, r.not_any_hit, r.not_any_total);
    if (verbose()) {
        for (const std::string& f : r.failures) {
            std::printf("  %s\n", f.c_str());
        }
    }
    EXPECT_GT(r.per_type.size(), 10u);
}

TEST(Conformance, CoreTypesMeetRecallAndPrecision) {
    const Result& r = corpus_result();
    for (const char* type : {"ipv4", "ipv6", "domain", "url", "email", "md5", "sha1", "sha256",
                             "sha512", "cve", "registry_key"}) {
        const auto it = r.per_type.find(type);
        ASSERT_NE(it, r.per_type.end()) << type;
        EXPECT_GE(it->second.recall(), 0.95) << type;
        EXPECT_GE(it->second.precision(), 0.95) << type;
    }
}

// Pinned at the figures measured when the deviations were written down: any regression in any
// type, core or not, fails.
TEST(Conformance, NoTypeFallsBelowItsPin) {
    const Result& r = corpus_result();
    const std::map<std::string, std::pair<double, double>> kPins{
        {"asn", {1.0, 1.0}},    {"attack_tactic", {1.0, 1.0}}, {"attack_technique", {1.0, 1.0}},
        {"btc", {1.0, 1.0}},    {"cve", {1.0, 1.0}},           {"domain", {1.0, 1.0}},
        {"email", {1.0, 1.0}},  {"file_path", {1.0, 1.0}},     {"imphash", {1.0, 1.0}},
        {"ipv4", {1.0, 1.0}},   {"ipv4_cidr", {1.0, 1.0}},     {"ipv6", {1.0, 1.0}},
        {"mac", {1.0, 1.0}},    {"md5", {1.0, 1.0}},           {"registry_key", {1.0, 1.0}},
        {"sha1", {1.0, 1.0}},   {"sha256", {1.0, 1.0}},        {"sha512", {1.0, 1.0}},
        {"ssdeep", {1.0, 1.0}}, {"url", {1.0, 1.0}},           {"xmr", {1.0, 1.0}}};
    for (const auto& [type, pin] : kPins) {
        const auto it = r.per_type.find(type);
        ASSERT_NE(it, r.per_type.end()) << type;
        EXPECT_GE(it->second.recall(), pin.first) << type << " recall";
        EXPECT_GE(it->second.precision(), pin.second) << type << " precision";
    }
    EXPECT_EQ(r.any_found, r.any_total);
    EXPECT_EQ(r.not_any_hit, 0u);
    EXPECT_EQ(r.defang_passed, r.defang_cases);
}

TEST(Conformance, EveryRefangCaseMatches) {
    const Result& r = corpus_result();
    EXPECT_GT(r.refang_cases, 90u);
    EXPECT_EQ(r.refang_passed, r.refang_cases);
}

} // namespace
} // namespace casefile::ioc
